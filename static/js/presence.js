// Presence in the desk: while a record is open, the page tells the server every few
// seconds and shows who else has it open, and its lock; it says goodbye when it goes. The
// lock buttons work in place. Without JavaScript the page shows who was there when it was
// opened and the buttons post the form. The server's side: newsroom/core/admin/presence.py.
(function () {
  "use strict";

  function ready() {
    var box = document.getElementById("nr-presence");
    if (!box) return;
    var form = box.closest("form") || document.querySelector("#content-main form");
    var token = document.querySelector("input[name=csrfmiddlewaretoken]");
    var url = box.dataset.url;
    var every = (parseInt(box.dataset.beat, 10) || 8) * 1000;
    var others = box.querySelector(".nr-presence__others");
    var lockLine = box.querySelector(".nr-presence__lock");
    var timer = null;

    function body(action) {
      var data = new URLSearchParams();
      data.append("presence_action", action);
      data.append("csrfmiddlewaretoken", token ? token.value : "");
      return data;
    }
    function button(label, action, quiet) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = quiet ? "button nr-button--quiet" : "button";
      b.textContent = label;
      b.addEventListener("click", function () { send(action); });
      return b;
    }
    function render(state) {
      others.textContent = state.message;
      others.hidden = !state.message;
      lockLine.textContent = "";
      var text = document.createElement("span");
      text.className = "nr-presence__lock-text";
      text.textContent = state.lock ? state.lock.text : "";
      lockLine.appendChild(text);
      if (state.can_lock) lockLine.appendChild(button("Lock for editing", "lock", true));
      if (state.can_unlock) lockLine.appendChild(button("Unlock", "unlock", true));
      if (state.can_take) lockLine.appendChild(button("Take over the lock", "take", false));
      // Locked by someone else: saving would be refused; the autosave keeps what is typed.
      var lockedOut = state.lock && !state.lock.mine;
      if (form) {
        form.querySelectorAll(".submit-row button, .submit-row input[type=submit]").forEach(function (b) {
          if (lockedOut) b.setAttribute("disabled", "");
          else if (b.dataset.nrLocked) b.removeAttribute("disabled");
          if (lockedOut) b.dataset.nrLocked = "1";
        });
      }
    }
    function send(action) {
      window.clearTimeout(timer);
      return fetch(url, {
        method: "POST",
        body: body(action),
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (state) { if (state) render(state); })
        .catch(function () { /* a missed beat: the next one tells */ })
        .then(function () { timer = window.setTimeout(function () { send("beat"); }, every); });
    }
    lockLine.querySelectorAll("button[name=presence_action]").forEach(function (b) {
      b.addEventListener("click", function (event) {
        event.preventDefault();
        send(b.value);
      });
    });
    window.addEventListener("pagehide", function () {
      if (navigator.sendBeacon) navigator.sendBeacon(url, body("leave"));
    });
    timer = window.setTimeout(function () { send("beat"); }, every);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})();
