// The article desk as the writer types: the headline's length against the 70 characters a
// search result shows, and the body's word count and reading time (at 230 words a minute).
(function () {
  "use strict";
  var WORDS_PER_MINUTE = 230;

  function words(text) {
    var found = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu);
    return found ? found.length : 0;
  }

  function bodyText() {
    var parts = [];
    document.querySelectorAll(".ProseMirror[contenteditable]").forEach(function (editor) {
      if (!editor.closest(".empty-form")) parts.push(editor.innerText || editor.textContent);
    });
    document.querySelectorAll("textarea[name$='-text']").forEach(function (area) {
      if (area.closest(".empty-form") || area.closest(".prose-editor")) return;
      if (area.name.indexOf("richtext") !== -1) return; // shown by its editor above
      parts.push(area.value);
    });
    return parts.join(" ");
  }

  function ready() {
    var counts = document.getElementById("nr-counts");
    var headline = document.getElementById("id_headline");
    if (!counts || !headline) return;
    var limit = parseInt(counts.dataset.headlineLimit, 10) || 70;
    var headlineCount = document.createElement("span");
    headlineCount.className = "nr-counter";
    headlineCount.id = "nr-headline-count";
    headlineCount.setAttribute("aria-live", "polite");
    headline.insertAdjacentElement("afterend", headlineCount);
    headline.setAttribute("aria-describedby", (headline.getAttribute("aria-describedby") || "") + " nr-headline-count");

    function update() {
      var length = headline.value.length;
      headlineCount.textContent = length + " / " + limit;
      headlineCount.classList.toggle("nr-counter--over", length > limit);
      var n = words(bodyText());
      var minutes = Math.max(1, Math.round(n / WORDS_PER_MINUTE));
      counts.textContent = n + (n === 1 ? " word" : " words") + " · " + minutes + " min read";
    }
    var timer = null;
    function soon() {
      window.clearTimeout(timer);
      timer = window.setTimeout(update, 250);
    }
    document.addEventListener("input", soon);
    publishButtons();
    document.addEventListener("keyup", soon);
    update();
    window.setTimeout(update, 800); // once the body editors have started
  }

  // "Publish now" or "Schedule", as the publish time typed is past or to come. The time is
  // the newsroom's (the page says what it is now there), not the browser's zone.
  function publishButtons() {
    var buttons = document.querySelectorAll("button[name=_workflow][value=publish][data-now]");
    var date = document.getElementById("id_publish_at_0");
    var time = document.getElementById("id_publish_at_1");
    if (!buttons.length || !date || !time) return;
    var loaded = Date.now();
    var serverNow = Date.parse(buttons[0].dataset.now + "Z");
    function typed() {
      var t = (time.value || "00:00").trim();
      if (/^\d{1,2}:\d{2}$/.test(t)) t += ":00";
      if (t.length === 7) t = "0" + t;
      return Date.parse(date.value.trim() + "T" + t + "Z");
    }
    function update() {
      var at = typed();
      var now = serverNow + (Date.now() - loaded);
      var label = !isNaN(at) && at > now ? "Schedule" : "Publish now";
      buttons.forEach(function (button) { button.textContent = label; });
    }
    [date, time].forEach(function (box) {
      box.addEventListener("input", update);
      box.addEventListener("change", update);
    });
    document.addEventListener("click", function () { window.setTimeout(update, 50); });
    update();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})();
