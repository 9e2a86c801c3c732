// Show a question only when the earlier answer its condition names matches (progressive:
// without JavaScript every question shows and the server ignores answers to hidden ones).
(function () {
  "use strict";
  function valueOf(form, key) {
    var inputs = form.querySelectorAll('[name="q_' + key + '"]');
    var values = [];
    inputs.forEach(function (input) {
      if ((input.type === "radio" || input.type === "checkbox") && !input.checked) return;
      if (input.value) values.push(input.value);
    });
    return values;
  }
  function update(form) {
    var shown = {};
    form.querySelectorAll("fieldset[data-key]").forEach(function (fs) {
      var key = fs.getAttribute("data-key");
      var depends = fs.getAttribute("data-condition-key");
      var visible = true;
      if (depends) {
        visible = !!shown[depends] && valueOf(form, depends).indexOf(fs.getAttribute("data-condition-value")) !== -1;
      }
      fs.hidden = !visible;
      shown[key] = visible;
    });
  }
  document.querySelectorAll("form[data-conditions]").forEach(function (form) {
    update(form);
    form.addEventListener("change", function () { update(form); });
    form.addEventListener("reset", function () { setTimeout(function () { update(form); }, 0); });
  });
})();
