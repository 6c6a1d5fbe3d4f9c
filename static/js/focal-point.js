// Photo admin: click the preview to set the focal point that card crops keep in frame.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const box = document.querySelector(".nr-focal");
  const x = document.getElementById("id_focal_x");
  const y = document.getElementById("id_focal_y");
  if (!box || !x || !y) return;
  const mark = box.querySelector(".nr-focal-mark");
  const show = () => {
    mark.style.left = `${x.value}%`;
    mark.style.top = `${y.value}%`;
  };
  box.addEventListener("click", (event) => {
    const rect = box.querySelector("img").getBoundingClientRect();
    x.value = Math.round(((event.clientX - rect.left) / rect.width) * 100);
    y.value = Math.round(((event.clientY - rect.top) / rect.height) * 100);
    show();
  });
  x.addEventListener("input", show);
  y.addEventListener("input", show);
  show();
});
