// Text size ("Cỡ chữ") and high contrast ("Tương phản cao"), remembered in localStorage: no
// cookie, so no cookie banner. base.html loads this file synchronously at the top of <head>
// so the stored choice is on <html> (data-text-size, data-contrast) before the first paint;
// the controls in the header are hidden in the HTML and shown here, so without JavaScript
// there is nothing that cannot work (browser zoom still does).
(function () {
  "use strict";
  var SIZES = ["100", "125", "150", "175", "200"];
  var SIZE_KEY = "eportal.textSize";
  var CONTRAST_KEY = "eportal.contrast";
  var root = document.documentElement;

  function load(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }
  function save(key, value) {
    try {
      if (value) { window.localStorage.setItem(key, value); } else { window.localStorage.removeItem(key); }
    } catch (e) { /* storage refused (private mode): the choice lasts for this page only */ }
  }
  function applySize(size) {
    if (size && size !== "100" && SIZES.indexOf(size) > 0) { root.setAttribute("data-text-size", size); }
    else { root.removeAttribute("data-text-size"); }
  }
  function applyContrast(high) {
    if (high) { root.setAttribute("data-contrast", "high"); } else { root.removeAttribute("data-contrast"); }
  }
  function currentSize() { return root.getAttribute("data-text-size") || "100"; }
  // The hit counter is a frame of this site: it follows the page's settings (counter.css).
  function mirrorInto(frame) {
    try {
      var html = frame.contentDocument && frame.contentDocument.documentElement;
      if (!html) { return; }
      ["data-text-size", "data-contrast"].forEach(function (name) {
        if (root.hasAttribute(name)) { html.setAttribute(name, root.getAttribute(name)); }
        else { html.removeAttribute(name); }
      });
    } catch (e) { /* not this site's frame */ }
  }
  function mirror() { document.querySelectorAll("iframe.hit-counter-frame").forEach(mirrorInto); }
  var refresh = function () {};

  applySize(load(SIZE_KEY));
  applyContrast(load(CONTRAST_KEY) === "high");

  function setUp() {
    document.querySelectorAll("iframe.hit-counter-frame").forEach(function (frame) {
      frame.addEventListener("load", function () { mirrorInto(frame); });
      mirrorInto(frame);
    });
    var panel = document.querySelector("[data-display-settings]");
    if (!panel) { return; }
    var smaller = panel.querySelector("[data-size-step='-1']");
    var reset = panel.querySelector("[data-size-step='0']");
    var larger = panel.querySelector("[data-size-step='1']");
    var level = panel.querySelector("[data-size-level]");
    var contrast = panel.querySelector("[data-contrast-toggle]");

    function show() {
      var size = currentSize();
      var index = SIZES.indexOf(size);
      // aria-disabled rather than disabled: the button keeps its place in the Tab order.
      smaller.setAttribute("aria-disabled", index <= 0 ? "true" : "false");
      larger.setAttribute("aria-disabled", index >= SIZES.length - 1 ? "true" : "false");
      reset.setAttribute("aria-pressed", size === "100" ? "true" : "false");
      level.textContent = size + "%";
      contrast.setAttribute("aria-pressed", root.getAttribute("data-contrast") === "high" ? "true" : "false");
      mirror();
    }
    function step(delta) {
      var index = delta === 0 ? 0 : SIZES.indexOf(currentSize()) + delta;
      if (index < 0 || index >= SIZES.length) { return; }
      var size = SIZES[index];
      applySize(size);
      save(SIZE_KEY, size === "100" ? null : size);
      show();
    }
    [smaller, reset, larger].forEach(function (button) {
      button.addEventListener("click", function () { step(parseInt(button.getAttribute("data-size-step"), 10)); });
    });
    contrast.addEventListener("click", function () {
      var high = root.getAttribute("data-contrast") !== "high";
      applyContrast(high);
      save(CONTRAST_KEY, high ? "high" : null);
      show();
    });
    refresh = show;
    show();
    panel.hidden = false;
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
  // Another tab changed the setting: follow it.
  window.addEventListener("storage", function (event) {
    if (event.key === SIZE_KEY) { applySize(event.newValue); }
    if (event.key === CONTRAST_KEY) { applyContrast(event.newValue === "high"); }
    refresh();
    mirror();
  });
})();
