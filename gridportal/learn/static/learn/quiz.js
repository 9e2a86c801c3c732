// Progressive enhancement of the quiz: a «Check» button under each question marks the
// chosen answer at once (POST /api/v1/learn/lessons/<slug>/quiz/) and explains it. The
// first checked answer counts: the other answers of that question are then locked. Without
// JavaScript the form works as it is and the answer page explains every question.
(function () {
  "use strict";
  var form = document.querySelector("form.quiz[data-check-url]");
  if (!form || !window.fetch) return;
  var url = form.getAttribute("data-check-url");
  var token = form.querySelector("input[name=csrfmiddlewaretoken]");

  function say(box, text, className) {
    box.className = "inline-feedback " + (className || "");
    box.textContent = text;
  }

  Array.prototype.forEach.call(form.querySelectorAll("fieldset[data-question]"), function (set) {
    var question = parseInt(set.getAttribute("data-question"), 10);
    var button = document.createElement("button");
    button.type = "button";
    button.className = "secondary check";
    button.textContent = form.getAttribute("data-check-label");
    var box = document.createElement("p");
    box.setAttribute("role", "status");
    box.className = "inline-feedback";
    set.appendChild(button);
    set.appendChild(box);

    button.addEventListener("click", function () {
      var chosen = set.querySelector("input[type=radio]:checked");
      if (!chosen) {
        say(box, form.getAttribute("data-choose-label"), "wrong");
        return;
      }
      button.disabled = true;
      var headers = { "Content-Type": "application/json", Accept: "application/json" };
      if (token) headers["X-CSRFToken"] = token.value;
      fetch(url, {
        method: "POST",
        headers: headers,
        credentials: "same-origin",
        body: JSON.stringify({ answers: [{ question: question, choice: parseInt(chosen.value, 10) }] }),
      })
        .then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.json();
        })
        .then(function (result) {
          var marked = result.questions[0];
          var label = form.getAttribute(marked.correct ? "data-right-label" : "data-wrong-label");
          say(box, label + " " + marked.explanation, marked.correct ? "right" : "wrong");
          Array.prototype.forEach.call(set.querySelectorAll("input[type=radio]"), function (radio) {
            if (radio !== chosen) radio.disabled = true;
          });
          button.hidden = true;
        })
        .catch(function () {
          button.disabled = false; // the form still works: the answer page explains everything
        });
    });
  });
})();
