// Progressive enhancement only: the site works without JavaScript.
"use strict";
// Click-to-load video: the player (and its requests to the provider) loads only on click.
document.addEventListener("click", (event) => {
  const link = event.target.closest(".video__link");
  if (!link) return;
  const figure = link.closest(".video");
  if (!figure || !figure.dataset.embed) return;
  event.preventDefault();
  const frame = document.createElement("iframe");
  frame.src = `${figure.dataset.embed}${figure.dataset.embed.includes("?") ? "&" : "?"}autoplay=1`;
  frame.title = figure.dataset.title || "Video";
  frame.allow = "autoplay; fullscreen; picture-in-picture";
  frame.allowFullscreen = true;
  link.replaceWith(frame);
});
