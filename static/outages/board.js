(function () {
  "use strict";
  // The outage board reloads itself every few seconds (hx-trigger on #board), except while
  // a dispatcher is working inside it: a focused control would lose its text. htmx's
  // trigger filters are evaluated JavaScript, which the Content-Security-Policy forbids,
  // so the pause is an event handler: a refresh that would start then is cancelled.
  document.addEventListener("htmx:beforeRequest", function (event) {
    var board = document.getElementById("board");
    if (board && event.detail.elt === board && board.contains(document.activeElement)) {
      event.preventDefault();
    }
  });
})();
