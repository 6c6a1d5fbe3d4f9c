// A save that met a newer one: "Use theirs" beside a field both changed puts their text
// into the form's box (the save that follows keeps what the form shows).
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".nr-use-theirs");
    if (!button) return;
    var box = document.getElementById(button.dataset.field);
    if (!box) return;
    box.value = button.dataset.value;
    box.dispatchEvent(new Event("input", { bubbles: true }));
    box.focus();
    button.textContent = "Theirs is in the form";
    button.disabled = true;
  });
})();
