// One-click moderation: the Approve, Spam and Remove buttons on each row of the comment desk
// and on a comment's own page post to that comment's moderation address without leaving the
// page; the row's status changes in place and the outcome is announced. Without JavaScript
// the same buttons submit the page's form there, and the desk comes back with a message.
// On the change list, keys work the queue: j/k move, a approves, s marks
// spam, r removes.
(function () {
  "use strict";
  var live = document.createElement("p");
  live.className = "nr-muted";
  live.setAttribute("role", "status");
  live.setAttribute("aria-live", "polite");

  function ready() {
    var buttons = document.querySelectorAll(".nr-moderate button[formaction]");
    if (!buttons.length) return;
    var anchor = document.getElementById("changelist-form") || document.querySelector("#content-main form");
    if (anchor) anchor.parentNode.insertBefore(live, anchor);
    Array.prototype.forEach.call(buttons, function (button) {
      button.addEventListener("click", function (event) {
        event.preventDefault();
        moderate(button);
      });
    });
    var list = document.getElementById("result_list");
    if (list) keys(list);
  }

  function moderate(button) {
    var form = button.form;
    var token = form && form.querySelector("input[name=csrfmiddlewaretoken]");
    var data = new FormData();
    data.append("csrfmiddlewaretoken", token ? token.value : "");
    data.append("status", button.value);
    var group = button.closest(".nr-moderate");
    setBusy(group, true);
    fetch(button.getAttribute("formaction"), {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (result) {
        setBusy(group, false, result.status);
        var row = button.closest("tr") || document;
        var badge = row.querySelector(".field-status_badge .nr-badge") || document.querySelector(".field-status .nr-badge");
        if (badge) {
          badge.className = "nr-badge nr-badge--" + result.status;
          badge.textContent = result.label;
        }
        var select = document.getElementById("id_status");
        if (select && !button.closest("tr")) select.value = result.status;
        if (button.closest("tr")) button.closest("tr").classList.add("nr-done");
        live.textContent = result.message;
      })
      .catch(function () {
        setBusy(group, false);
        live.textContent = "Could not save that: the comment is unchanged. Reload the page and try again.";
      });
  }

  function setBusy(group, busy, status) {
    Array.prototype.forEach.call(group.querySelectorAll("button"), function (b) {
      if (busy) {
        b.dataset.was = b.disabled ? "1" : "0";
        b.disabled = true;
      } else {
        b.disabled = status ? b.value === status : b.dataset.was === "1";
      }
    });
  }

  function keys(list) {
    var rows = Array.prototype.filter.call(list.querySelectorAll("tbody tr"), function (row) {
      return row.querySelector(".nr-moderate");
    });
    if (!rows.length) return;
    var hint = document.createElement("p");
    hint.className = "nr-keys nr-muted";
    hint.innerHTML = "Keys: <kbd>j</kbd>/<kbd>k</kbd> next and previous, <kbd>a</kbd> approve, <kbd>s</kbd> spam, <kbd>r</kbd> remove.";
    live.parentNode.insertBefore(hint, live);
    var current = -1;
    function select(index) {
      if (current >= 0) rows[current].classList.remove("nr-current");
      current = Math.max(0, Math.min(rows.length - 1, index));
      rows[current].classList.add("nr-current");
      rows[current].scrollIntoView({ block: "nearest" });
    }
    document.addEventListener("keydown", function (event) {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      var target = event.target;
      if (target.closest && target.closest("input, textarea, select, [contenteditable]")) return;
      var key = event.key;
      if (key === "j") {
        select(current + 1);
      } else if (key === "k") {
        select(current - 1);
      } else if (current >= 0 && (key === "a" || key === "s" || key === "r")) {
        var button = rows[current].querySelector('.nr-moderate button[data-key="' + key + '"]');
        if (button && !button.disabled) {
          moderate(button);
          if (current < rows.length - 1) select(current + 1);
        }
      } else {
        return;
      }
      event.preventDefault();
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})();
