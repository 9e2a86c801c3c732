// Office tablet: every answer is first put in this tablet's storage with an id made here,
// then sent; what could not be sent stays and goes when the network returns. The server
// recognises a repeated id, so sending twice never counts a person twice.
(function () {
  "use strict";
  var root = document.querySelector("[data-kiosk]");
  if (!root) return;
  var form = root.querySelector("[data-kiosk-form]");
  var thanks = root.querySelector("[data-kiosk-thanks]");
  var status = root.querySelector("[data-kiosk-status]");
  var errorBox = root.querySelector("[data-kiosk-error]");
  var queueKey = "gridportal.kiosk.queue." + root.dataset.survey;
  var sending = false;

  function queue() {
    try { return JSON.parse(localStorage.getItem(queueKey) || "[]"); } catch (e) { return []; }
  }
  function save(items) { localStorage.setItem(queueKey, JSON.stringify(items)); }
  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }
  function showStatus() {
    var n = queue().length;
    var tpl = root.querySelector(n ? "[data-text-pending]" : "[data-text-synced]");
    status.textContent = tpl.content.textContent.replace("{n}", String(n));
    root.dataset.pending = String(n);
  }
  function collect() {
    var answers = {};
    form.querySelectorAll("fieldset[data-key]").forEach(function (fs) {
      if (fs.hidden) return;
      var key = fs.getAttribute("data-key");
      var kind = fs.getAttribute("data-kind");
      var values = [];
      fs.querySelectorAll('[name="q_' + key + '"]').forEach(function (input) {
        if ((input.type === "radio" || input.type === "checkbox") && !input.checked) return;
        if (input.value.trim()) values.push(input.value.trim());
      });
      if (!values.length) return;
      answers[key] = kind === "multiple" ? values : (kind === "csat" || kind === "nps" ? Number(values[0]) : values[0]);
    });
    return answers;
  }
  function missingRequired(answers) {
    var missing = false;
    form.querySelectorAll("fieldset[data-key]").forEach(function (fs) {
      var required = fs.querySelector(".sv-required");
      var gap = !fs.hidden && required && !(fs.getAttribute("data-key") in answers);
      fs.classList.toggle("has-error", !!gap);
      if (gap) missing = true;
    });
    return missing;
  }
  function flush() {
    if (sending) return;
    var items = queue();
    if (!items.length) { showStatus(); return; }
    sending = true;
    var item = items[0];
    fetch(root.dataset.answersUrl, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "application/json", "Accept-Language": root.dataset.lang },
      body: JSON.stringify(item),
      credentials: "omit"
    }).then(function (response) {
      sending = false;
      if (response.ok || (response.status >= 400 && response.status < 500 && response.status !== 429)) {
        // Stored (201), already stored (200), or refused for good (4xx): not to be sent again.
        save(queue().filter(function (x) { return x.client_id !== item.client_id; }));
        flush();
      } else {
        showStatus();
      }
    }).catch(function () { sending = false; showStatus(); });
  }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var answers = collect();
    if (missingRequired(answers)) { errorBox.hidden = false; return; }
    errorBox.hidden = true;
    var items = queue();
    items.push({
      client_id: uuid(),
      version: Number(root.dataset.version),
      channel: "kiosk",
      branch: root.dataset.branch,
      office: root.dataset.office,
      answered_at: new Date().toISOString(),
      answers: answers
    });
    save(items);
    form.reset();
    form.hidden = true;
    thanks.hidden = false;
    thanks.focus();
    showStatus();
    flush();
  });
  root.querySelector("[data-kiosk-next]").addEventListener("click", function () {
    thanks.hidden = true;
    form.hidden = false;
    var first = form.querySelector("input, textarea");
    if (first) first.focus();
  });
  window.addEventListener("online", flush);
  setInterval(flush, 15000);
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register(root.dataset.swUrl).catch(function () {});
  }
  showStatus();
  flush();
})();
