// Progressive enhancement of the appeal form: without JavaScript every field is shown.
// With it, the power-quality fields appear only for that topic, the hazard note only for
// a hazard, and the contact fields hide for an anonymous appeal.
(function () {
  "use strict";
  var form = document.querySelector("form.appeal-form");
  if (!form) return;
  var topic = form.querySelector("select[name=topic]");
  var anonymous = form.querySelector("input[name=anonymous]");
  var quality = form.querySelector(".quality-fields");
  var hazard = form.querySelector(".hazard-note");
  var contacts = form.querySelector(".contact-fields");

  function hasValues(box) {
    return Array.prototype.some.call(box.querySelectorAll("input, textarea"), function (el) {
      return el.value;
    });
  }

  function update() {
    var value = topic ? topic.value : "";
    if (quality) {
      quality.classList.toggle(
        "is-hidden",
        value !== form.dataset.quality && !hasValues(quality)
      );
    }
    if (hazard) hazard.classList.toggle("is-hidden", value !== form.dataset.hazard);
    if (contacts && anonymous) contacts.classList.toggle("is-hidden", anonymous.checked);
  }

  if (topic) topic.addEventListener("change", update);
  if (anonymous) anonymous.addEventListener("change", update);
  update();
})();
