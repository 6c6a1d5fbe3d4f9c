// The visual photo chooser: every photo field shows its picture, and "Choose a photo" opens
// the library as a searchable grid of thumbnails with caption and credit. Photos dropped or
// picked in it (several at once) are read first: the caption, credit, date and alt text in
// the file are shown for checking, and a file already in the library is offered instead.
// Nothing typed is lost when a photo is refused. Without JavaScript the field takes the
// photo's number, with the admin's lookup list. The server's side: articles/admin/photo.py.
(function () {
  "use strict";
  var dialog = null;
  var target = null; // the chooser being filled
  var state = { next: null, query: "", checkUrl: "", addUrl: "", canAdd: false };

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === "className") node.className = attrs[name];
      else node.setAttribute(name, attrs[name]);
    });
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function token() {
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  // A chooser on the form.
  function enhance(chooser) {
    if (chooser.dataset.ready || chooser.closest(".empty-form")) return;
    chooser.dataset.ready = "1";
    chooser.querySelector(".nr-photo-chooser__raw").hidden = true;
    chooser.querySelector(".nr-photo-chooser__actions").hidden = false;
  }
  function input(chooser) { return chooser.querySelector(".nr-photo-chooser__raw input"); }
  function show(chooser, photo) {
    var figure = chooser.querySelector(".nr-photo-chooser__current");
    var img = figure.querySelector("img");
    input(chooser).value = photo ? photo.id : "";
    input(chooser).dispatchEvent(new Event("change", { bubbles: true }));
    chooser.querySelector("[data-photo-clear]").hidden = !photo;
    figure.hidden = !photo;
    if (!photo) return;
    if (!img) {
      img = el("img", { width: "160", height: "107" });
      figure.insertBefore(img, figure.firstChild);
    }
    img.src = photo.thumb;
    img.alt = photo.alt;
    figure.querySelector(".nr-photo-chooser__caption").textContent = photo.caption;
    figure.querySelector(".nr-photo-chooser__credit").textContent = photo.credit;
  }

  // The library.
  function tile(photo) {
    var button = el("button", { type: "button", className: "nr-library__tile" });
    var img = el("img", { src: photo.thumb, alt: "", width: "180", height: "120", loading: "lazy" });
    button.appendChild(img);
    button.appendChild(el("span", { className: "nr-library__caption" }, photo.caption));
    button.appendChild(el("span", { className: "nr-library__credit" }, photo.credit + (photo.size ? " · " + photo.size : "")));
    button.addEventListener("click", function () { choose(photo); });
    return button;
  }
  function choose(photo) {
    if (target) show(target, photo);
    dialog.close();
    if (target) target.querySelector("[data-photo-choose]").focus();
  }
  function load(reset) {
    var grid = dialog.querySelector(".nr-library__grid");
    var more = dialog.querySelector(".nr-library__more");
    var url = target.dataset.libraryUrl + "?q=" + encodeURIComponent(state.query) +
      (reset ? "" : "&page=" + state.next);
    if (reset) grid.textContent = "";
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (page) {
        page.photos.forEach(function (photo) { grid.appendChild(tile(photo)); });
        if (!grid.children.length) grid.appendChild(el("p", { className: "nr-muted" }, "No photo matches."));
        state.next = page.next;
        state.checkUrl = page.check_url;
        state.addUrl = page.add_url;
        state.canAdd = page.can_add;
        more.hidden = !page.next;
        dialog.querySelector(".nr-library__upload").hidden = !page.can_add;
      })
      .catch(function () {
        grid.appendChild(el("p", { className: "nr-muted" }, "The library could not be loaded; try again."));
      });
  }

  // Uploads: each file read, checked, then added.
  function field(card, name, label, value, type) {
    var id = "nr-upload-" + Math.random().toString(36).slice(2) + "-" + name;
    var wrap = el("p", { className: "nr-upload__field" });
    wrap.appendChild(el("label", { for: id }, label));
    var box = type === "textarea" ? el("textarea", { id: id, name: name, rows: "2" }) : el("input", { id: id, name: name, type: type || "text" });
    box.value = value || "";
    wrap.appendChild(box);
    wrap.appendChild(el("span", { className: "nr-upload__error", "data-for": name }));
    card.querySelector(".nr-upload__fields").appendChild(wrap);
  }
  function upload(file) {
    var list = dialog.querySelector(".nr-library__uploads");
    var card = el("article", { className: "nr-upload" });
    var preview = el("img", { alt: "", width: "120", height: "80" });
    var reader = new FileReader(); // a data: address, which the CSP allows for pictures
    reader.addEventListener("load", function () { preview.src = reader.result; });
    reader.readAsDataURL(file);
    card.appendChild(preview);
    var body = el("div", { className: "nr-upload__body" });
    body.appendChild(el("p", { className: "nr-upload__name" }, file.name));
    body.appendChild(el("div", { className: "nr-upload__fields" }));
    var status = el("p", { className: "nr-upload__status", role: "status" }, "Reading the file…");
    body.appendChild(status);
    var actions = el("p", { className: "nr-upload__actions" });
    body.appendChild(actions);
    card.appendChild(body);
    list.appendChild(card);

    var data = new FormData();
    data.append("image", file);
    data.append("csrfmiddlewaretoken", token());
    fetch(state.checkUrl, { method: "POST", body: data, credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.json().then(function (json) { return [response.ok, json]; }); })
      .then(function (result) {
        var answer = result[1];
        if (!result[0]) {
          status.textContent = (answer.errors && answer.errors.image || ["This file cannot be used."]).join(" ");
          card.classList.add("nr-upload--refused");
          return;
        }
        var found = answer.metadata;
        field(card, "caption", "Caption", found.caption, "textarea");
        field(card, "credit", "Credit", found.credit);
        field(card, "alt_text", "Alt text (what the picture shows)", found.alt_text);
        field(card, "taken_on", "Date taken", found.taken_on, "date");
        status.textContent = found.caption || found.credit
          ? "Filled in from the file's own metadata: please check before adding."
          : "The file carries no caption or credit: add them.";
        if (answer.duplicate) {
          status.textContent = "This file is already in the library.";
          var use = el("button", { type: "button", className: "button" }, "Use the one in the library");
          use.addEventListener("click", function () { choose(answer.duplicate); });
          actions.appendChild(use);
          card.insertBefore(tile(answer.duplicate), body);
        }
        var add = el("button", { type: "button", className: answer.duplicate ? "button nr-button--quiet" : "button" },
          answer.duplicate ? "Add it again anyway" : "Add to the library");
        add.addEventListener("click", function () { save(file, card, add, status, !!answer.duplicate); });
        actions.appendChild(add);
      })
      .catch(function () { status.textContent = "Could not reach the server; the file was not added."; });
  }
  function save(file, card, button, status, again) {
    var data = new FormData();
    data.append("image", file);
    data.append("csrfmiddlewaretoken", token());
    data.append("focal_x", "50");
    data.append("focal_y", "50");
    if (again) data.append("add_again", "on");
    card.querySelectorAll(".nr-upload__fields [name]").forEach(function (box) { data.append(box.name, box.value); });
    card.querySelectorAll(".nr-upload__error").forEach(function (e) { e.textContent = ""; });
    button.disabled = true;
    status.textContent = "Adding…";
    fetch(state.addUrl, { method: "POST", body: data, credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.json().then(function (json) { return [response.ok, json]; }); })
      .then(function (result) {
        var answer = result[1];
        if (!result[0]) {
          // Refused: what was typed stays; each error beside its box.
          button.disabled = false;
          status.textContent = "Not added: correct what is marked and add it again.";
          Object.keys(answer.errors || {}).forEach(function (name) {
            var spot = card.querySelector('.nr-upload__error[data-for="' + name + '"]');
            if (spot) spot.textContent = answer.errors[name].join(" ");
            else status.textContent += " " + answer.errors[name].join(" ").replace(/<[^>]*>/g, "");
          });
          return;
        }
        status.textContent = "Added to the library.";
        button.remove();
        var use = el("button", { type: "button", className: "button" }, "Use this photo");
        use.addEventListener("click", function () { choose(answer.photo); });
        card.querySelector(".nr-upload__actions").appendChild(use);
        dialog.querySelector(".nr-library__grid").insertBefore(tile(answer.photo), dialog.querySelector(".nr-library__grid").firstChild);
      })
      .catch(function () {
        button.disabled = false;
        status.textContent = "Could not reach the server; nothing was added and what you typed is kept.";
      });
  }

  function build() {
    dialog = el("dialog", { className: "nr-library", "aria-labelledby": "nr-library-title" });
    var head = el("div", { className: "nr-library__head" });
    head.appendChild(el("h2", { id: "nr-library-title" }, "Photo library"));
    var close = el("button", { type: "button", className: "button nr-button--quiet" }, "Close");
    close.addEventListener("click", function () { dialog.close(); });
    head.appendChild(close);
    dialog.appendChild(head);

    var search = el("p", { className: "nr-library__search" });
    search.appendChild(el("label", { for: "nr-library-q" }, "Search captions, credits and events"));
    var q = el("input", { id: "nr-library-q", type: "search" });
    var timer = null;
    q.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { state.query = q.value; load(true); }, 300);
    });
    search.appendChild(q);
    dialog.appendChild(search);

    var uploadBox = el("div", { className: "nr-library__upload" });
    var pick = el("label", { className: "nr-library__drop", for: "nr-library-files" });
    pick.appendChild(el("strong", {}, "Add photos: "));
    pick.appendChild(document.createTextNode("drop JPEG, PNG or WebP files here, or choose them."));
    var files = el("input", { id: "nr-library-files", type: "file", multiple: "", accept: "image/jpeg,image/png,image/webp" });
    files.addEventListener("change", function () {
      Array.prototype.forEach.call(files.files, upload);
      files.value = "";
    });
    uploadBox.appendChild(pick);
    uploadBox.appendChild(files);
    ["dragenter", "dragover"].forEach(function (name) {
      uploadBox.addEventListener(name, function (event) { event.preventDefault(); uploadBox.classList.add("nr-library__upload--over"); });
    });
    ["dragleave", "drop"].forEach(function (name) {
      uploadBox.addEventListener(name, function () { uploadBox.classList.remove("nr-library__upload--over"); });
    });
    uploadBox.addEventListener("drop", function (event) {
      event.preventDefault();
      Array.prototype.forEach.call(event.dataTransfer.files, upload);
    });
    uploadBox.appendChild(el("div", { className: "nr-library__uploads" }));
    dialog.appendChild(uploadBox);

    dialog.appendChild(el("div", { className: "nr-library__grid" }));
    var more = el("button", { type: "button", className: "button nr-library__more" }, "More photos");
    more.addEventListener("click", function () { load(false); });
    dialog.appendChild(more);
    document.body.appendChild(dialog);
  }

  document.addEventListener("click", function (event) {
    var choose = event.target.closest && event.target.closest("[data-photo-choose]");
    var clear = event.target.closest && event.target.closest("[data-photo-clear]");
    if (choose) {
      target = choose.closest(".nr-photo-chooser");
      if (!dialog) build();
      dialog.querySelector(".nr-library__uploads").textContent = "";
      dialog.showModal();
      load(true);
      dialog.querySelector("#nr-library-q").focus();
    } else if (clear) {
      show(clear.closest(".nr-photo-chooser"), null);
    }
  });

  // Choosers on the page, and those of blocks added later.
  function all() { document.querySelectorAll(".nr-photo-chooser").forEach(enhance); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", all);
  else all();
  new MutationObserver(all).observe(document.documentElement, { childList: true, subtree: true });
})();
