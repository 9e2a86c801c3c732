(function () {
  "use strict";
  // The hall screen polls the queue every few seconds and redraws the two lists.
  var root = document.getElementById("hall-screen");
  if (!root) { return; }
  var called = document.getElementById("hall-called");
  var waiting = document.getElementById("hall-waiting");
  function draw(data) {
    var rows = document.createDocumentFragment();
    data.called.forEach(function (item) {
      var tr = document.createElement("tr");
      var ticket = document.createElement("td");
      ticket.textContent = item.ticket;
      var desk = document.createElement("td");
      desk.textContent = item.desk === null ? "" : String(item.desk);
      tr.appendChild(ticket);
      tr.appendChild(desk);
      rows.appendChild(tr);
    });
    var text = Array.prototype.map.call(called.querySelectorAll("tr"), function (tr) { return tr.textContent; }).join("|");
    var next = Array.prototype.map.call(rows.childNodes, function (tr) { return tr.textContent; }).join("|");
    if (text !== next) { called.replaceChildren(rows); }
    waiting.textContent = data.waiting.join(" ");
    root.dataset.updated = String(Date.now());
  }
  function poll() {
    fetch(root.dataset.src, { credentials: "same-origin", cache: "no-store" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { if (data) { draw(data); } })
      .catch(function () {})
      .then(function () { window.setTimeout(poll, 3000); });
  }
  window.setTimeout(poll, 3000);
})();
