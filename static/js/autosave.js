// Autosave in the desk: the whole form (inlines and body blocks too) is kept on the server a
// few seconds after typing stops and whenever a field is left, and in this browser at every
// keystroke, for when the network is gone. Opening the record again offers it back (the
// server's copy in the page; a newer copy only this browser kept, here). Leaving the page
// with changes not saved asks first. The server's side: newsroom/core/admin/autosave.py.
(function () {
  "use strict";
  var IDLE_MS = 3000;
  var SKIPPED = ["csrfmiddlewaretoken", "_save", "_continue", "_addanother", "_saveasnew", "_workflow"];
  var PREFIX = "newsroom:autosave:";

  // A save that went through forgets the browser's copy of the form it came from, on
  // whatever page the save led to (the record again, the list, the next one to add).
  function forgetSaved() {
    try {
      var submitted = sessionStorage.getItem(PREFIX + "submitted");
      if (!submitted) return;
      sessionStorage.removeItem(PREFIX + "submitted");
      if (document.querySelector(".messagelist .success") && !document.querySelector(".errornote")) {
        localStorage.removeItem(submitted);
      }
    } catch (error) { /* storage refused */ }
  }

  function ready() {
    forgetSaved();
    var box = document.getElementById("nr-autosave");
    if (!box) return;
    var form = box.closest("form");
    if (!form) return;
    var status = box.querySelector(".nr-autosave__status");
    var key = PREFIX + box.dataset.key;
    var url = box.dataset.url;
    var serverAt = box.dataset.at ? Date.parse(box.dataset.at) : 0;
    var token = form.querySelector("input[name=csrfmiddlewaretoken]");
    var dirty = false;
    var submitting = false;
    var timer = null;
    var sending = false;
    var lastSent = null;

    function pairs() {
      var out = [];
      new FormData(form).forEach(function (value, name) {
        if (typeof value !== "string" || SKIPPED.indexOf(name) !== -1) return;
        out.push([name, value]);
      });
      return out;
    }
    function say(text) { status.textContent = text; }
    function clock(ms) {
      return new Date(ms).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", hour12: false });
    }
    function keepLocally(list) {
      try {
        localStorage.setItem(key, JSON.stringify({ at: Date.now(), pairs: list }));
      } catch (error) { /* storage full or refused: the server copy still goes */ }
    }
    function localCopy() {
      try { return JSON.parse(localStorage.getItem(key) || "null"); } catch (error) { return null; }
    }
    function post(list, extra) {
      var body = new URLSearchParams();
      list.forEach(function (pair) { body.append(pair[0], pair[1]); });
      Object.keys(extra || {}).forEach(function (name) { body.append(name, extra[name]); });
      body.append("csrfmiddlewaretoken", token ? token.value : "");
      return fetch(url, {
        method: "POST",
        body: body,
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      });
    }

    function send() {
      window.clearTimeout(timer);
      if (!dirty || submitting || sending) return;
      var list = pairs();
      var text = JSON.stringify(list);
      if (text === lastSent) return;
      sending = true;
      post(list)
        .then(function (response) {
          return response.json().then(function (answer) { return [response.status, answer]; });
        })
        .then(function (result) {
          sending = false;
          if (result[0] === 200) {
            lastSent = text;
            say("Unsaved changes kept at " + clock(Date.now()) + ". Save to keep them in the article.");
          } else {
            say(result[1].reason || "Your changes were not kept on the server; this browser keeps them.");
          }
        })
        .catch(function () {
          sending = false;
          say("Offline: your changes are kept in this browser and will be sent when the connection is back.");
        });
    }
    function changed() {
      if (submitting) return;
      dirty = true;
      // The body's editors copy their text into the form just after the event.
      window.setTimeout(function () { keepLocally(pairs()); }, 30);
      window.clearTimeout(timer);
      timer = window.setTimeout(send, IDLE_MS);
    }
    // Leaving or hiding the page sends what is not on the server yet, without waiting.
    function flush() {
      if (!dirty || submitting || !navigator.sendBeacon) return;
      var list = pairs();
      var text = JSON.stringify(list);
      if (text === lastSent) return;
      keepLocally(list);
      var body = new URLSearchParams();
      list.forEach(function (pair) { body.append(pair[0], pair[1]); });
      body.append("csrfmiddlewaretoken", token ? token.value : "");
      if (navigator.sendBeacon(url, body)) lastSent = text;
    }
    window.addEventListener("pagehide", flush);
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") flush();
    });

    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    form.addEventListener("focusout", function () { if (dirty) window.setTimeout(send, 100); });
    window.addEventListener("online", send);
    form.addEventListener("submit", function (event) {
      submitting = true;
      var button = event.submitter;
      if (button && button.name === "discard") {
        try { localStorage.removeItem(key); } catch (error) { /* nothing kept */ }
      } else {
        try { sessionStorage.setItem(PREFIX + "submitted", key); } catch (error) { /* ignore */ }
      }
    });
    window.addEventListener("beforeunload", function (event) {
      if (dirty && !submitting) {
        event.preventDefault();
        event.returnValue = "";
      }
    });

    // Restored from the server's copy: what is shown is unsaved.
    if (box.querySelector(".nr-autosave__restored")) dirty = true;

    // A copy only this browser has (newer than the server's, or the server has none).
    // It replaces the server's offer, being newer.
    var local = localCopy();
    if (local && local.at > serverAt + 1000 && !dirty &&
        JSON.stringify(local.pairs) !== JSON.stringify(pairs())) {
      var older = box.querySelector(".nr-autosave__offer");
      if (older) older.remove();
      offerLocal(local);
    }

    function offerLocal(copy) {
      var offer = document.createElement("div");
      offer.className = "nr-autosave__offer";
      offer.setAttribute("role", "region");
      offer.setAttribute("aria-label", "Unsaved changes in this browser");
      var text = document.createElement("p");
      var strong = document.createElement("strong");
      strong.textContent = "Restore your unsaved changes from " + clock(copy.at) + "?";
      text.appendChild(strong);
      text.appendChild(document.createTextNode(" This browser kept them; the server never got them."));
      var actions = document.createElement("p");
      actions.className = "nr-autosave__actions";
      var restore = document.createElement("button");
      restore.type = "button";
      restore.className = "button";
      restore.textContent = "Restore them";
      var discard = document.createElement("button");
      discard.type = "button";
      discard.className = "button nr-button--quiet";
      discard.textContent = "Discard them";
      actions.appendChild(restore);
      actions.appendChild(discard);
      offer.appendChild(text);
      offer.appendChild(actions);
      box.insertBefore(offer, box.firstChild);
      restore.addEventListener("click", function () {
        restore.disabled = true;
        post(copy.pairs, { recover: "1" })
          .then(function (response) {
            if (!response.ok) throw new Error(response.status);
            window.location.search = "?autosave=restore";
          })
          .catch(function () {
            restore.disabled = false;
            say("Could not reach the server to restore them; they are still kept in this browser.");
          });
      });
      discard.addEventListener("click", function () {
        try { localStorage.removeItem(key); } catch (error) { /* nothing kept */ }
        offer.remove();
      });
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})();
