// A «Print» button for the calculator's result (the print stylesheet keeps the figures only).
(function () {
  "use strict";
  var button = document.querySelector("button[data-print]");
  if (!button || !window.print) return;
  button.hidden = false;
  button.addEventListener("click", function () {
    window.print();
  });
})();
