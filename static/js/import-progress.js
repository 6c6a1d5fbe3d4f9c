// The import's page follows its run: every few seconds it asks for the progress and shows
// it in the status line; once the run has ended the page reloads to show the report.
// Without JavaScript the page says to reload it.
(function () {
  "use strict";
  var status = document.getElementById("import-status");
  if (!status || !status.dataset.progressUrl) return;
  function check() {
    fetch(status.dataset.progressUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (run) {
        if (!run) return;
        if (run.running) {
          status.textContent = run.message;
          window.setTimeout(check, 3000);
        } else {
          window.location.reload();
        }
      })
      .catch(function () { window.setTimeout(check, 10000); });
  }
  window.setTimeout(check, 3000);
})();
