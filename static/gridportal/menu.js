(function () {
  "use strict";
  // The compact public menu: on a phone the navigation, region and language fold behind
  // one button so the page's answer is in the first screen. Without this script the
  // menu simply stays open (portal.css shows it whenever the header lacks .menu-ready).
  var header = document.querySelector("[data-menu]");
  if (!header) { return; }
  var button = header.querySelector(".menu-toggle");
  var menu = document.getElementById(button ? button.getAttribute("aria-controls") : "");
  if (!button || !menu) { return; }
  header.classList.add("menu-ready");
  button.hidden = false;
  button.addEventListener("click", function () {
    var open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", String(open));
    menu.classList.toggle("open", open);
  });
})();
