// Progressive enhancement only: every feature works without this file.
(function () {
  "use strict";
  // "Liên kết Website": choosing a link with the mouse goes there at once. Keyboard users
  // move through options with arrow keys, so for them the "Đi đến" button (or Enter) submits,
  // as it does without JavaScript (WCAG 3.2.2, no change of context on input).
  document.querySelectorAll("form[data-website-links]").forEach(function (form) {
    var select = form.querySelector("select");
    var byKeyboard = false;
    select.addEventListener("keydown", function (event) {
      byKeyboard = true;
      if (event.key === "Enter") {
        event.preventDefault();
        if (select.value) { window.location.assign(select.value); }
      }
    });
    select.addEventListener("mousedown", function () { byKeyboard = false; });
    select.addEventListener("change", function () {
      if (!byKeyboard && select.value) { window.location.assign(select.value); }
    });
    form.addEventListener("submit", function (event) {
      if (select.value) {
        event.preventDefault();
        window.location.assign(select.value);
      }
    });
  });
  // The hit counter frame: its address names the page; add the host of the page the visitor
  // came from (only the host: never the path or query of another site).
  document.querySelectorAll("iframe[data-counter-src]").forEach(function (frame) {
    var src = frame.getAttribute("data-counter-src");
    var from = "";
    try { from = document.referrer ? new URL(document.referrer).host : ""; } catch (error) { from = ""; }
    if (from) { src += (src.indexOf("?") < 0 ? "?" : "&") + "r=" + encodeURIComponent(from); }
    frame.src = src;
  });
  // On phones the main menu starts folded.
  if (window.matchMedia("(max-width: 800px)").matches) {
    document.querySelectorAll(".main-menu__toggle").forEach(function (d) { d.removeAttribute("open"); });
  }
  // Escape folds an open phone menu and gives the focus back to its button.
  document.querySelectorAll(".main-menu__toggle").forEach(function (menu) {
    menu.addEventListener("keydown", function (event) {
      var summary = menu.querySelector("summary");
      if (event.key === "Escape" && menu.open && getComputedStyle(summary).display !== "none") {
        menu.removeAttribute("open");
        summary.focus();
      }
    });
  });
})();
