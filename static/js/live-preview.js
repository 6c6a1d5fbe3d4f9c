// The desk's live preview: a pane beside the form showing the page as readers would see it,
// from the form as it is (not saved), a moment after typing stops; at desktop or phone
// width. Whether it is open, and at which width, is remembered. The server's side:
// newsroom/core/admin/preview.py.
(function () {
  "use strict";
  var WAIT_MS = 700;
  var DESKTOP = 1280;
  var PHONE = 390;
  var OPEN_KEY = "newsroom:preview:open";
  var WIDTH_KEY = "newsroom:preview:width";

  function stored(key, fallback) {
    try { return localStorage.getItem(key) || fallback; } catch (error) { return fallback; }
  }
  function store(key, value) {
    try { localStorage.setItem(key, value); } catch (error) { /* not remembered */ }
  }

  function ready() {
    var pane = document.getElementById("nr-preview");
    var toggle = document.getElementById("nr-preview-toggle");
    if (!pane || !toggle) return;
    var form = pane.closest("form");
    var desk = pane.closest(".nr-desk");
    var frame = pane.querySelector("iframe");
    var viewport = pane.querySelector(".nr-preview__viewport");
    var status = pane.querySelector(".nr-preview__status");
    var timer = null;
    var pending = null;
    var width = stored(WIDTH_KEY, "desktop");

    function fit() {
      var pageWidth = width === "phone" ? PHONE : DESKTOP;
      var scale = Math.min(1, viewport.clientWidth / pageWidth);
      frame.style.width = pageWidth + "px";
      frame.style.height = Math.ceil(viewport.clientHeight / scale) + "px";
      frame.style.transform = "scale(" + scale + ")";
      pane.querySelectorAll("[data-width]").forEach(function (button) {
        button.setAttribute("aria-pressed", String(button.dataset.width === width));
      });
    }

    function refresh() {
      window.clearTimeout(timer);
      if (pane.hidden) return;
      if (pending) pending.abort();
      pending = new AbortController();
      status.textContent = "Updating…";
      var data = new FormData(form);
      ["_save", "_continue", "_addanother", "_workflow"].forEach(function (name) { data.delete(name); });
      fetch(pane.dataset.url, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        signal: pending.signal,
      })
        .then(function (response) {
          if (!response.ok) throw new Error(String(response.status));
          return response.text();
        })
        .then(function (html) {
          var scrolled = 0;
          try { scrolled = frame.contentWindow.scrollY; } catch (error) { scrolled = 0; }
          frame.addEventListener("load", function restore() {
            frame.removeEventListener("load", restore);
            try { frame.contentWindow.scrollTo(0, scrolled); } catch (error) { /* ignore */ }
          });
          // Links open outside the pane, in a new tab; the page's own scripts do not run.
          frame.srcdoc = html
            .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "")
            .replace(/<head([^>]*)>/i, '<head$1><base target="_blank">');
          status.textContent = "Updated " + new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false });
        })
        .catch(function (error) {
          if (error.name === "AbortError") return;
          status.textContent = navigator.onLine === false
            ? "Offline: the preview shows the last version it could get."
            : "The preview could not be made (" + error.message + "); your work is not affected.";
        });
    }
    function soon() {
      window.clearTimeout(timer);
      timer = window.setTimeout(refresh, WAIT_MS);
    }

    function show(open) {
      pane.hidden = !open;
      desk.classList.toggle("nr-desk--preview", open);
      toggle.setAttribute("aria-expanded", String(open));
      toggle.textContent = open ? "Hide preview" : "Show preview";
      store(OPEN_KEY, open ? "1" : "0");
      if (open) {
        fit();
        refresh();
      }
    }

    toggle.addEventListener("click", function () { show(pane.hidden); });
    pane.querySelectorAll("[data-width]").forEach(function (button) {
      button.addEventListener("click", function () {
        width = button.dataset.width;
        store(WIDTH_KEY, width);
        fit();
      });
    });
    form.addEventListener("input", soon);
    form.addEventListener("change", soon);
    window.addEventListener("resize", function () { if (!pane.hidden) fit(); });
    show(stored(OPEN_KEY, "0") === "1");
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})();
