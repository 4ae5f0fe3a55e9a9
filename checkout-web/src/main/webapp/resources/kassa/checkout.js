// Progressive enhancement for the hosted page (card-brand.js names the brand as the shopper types):
// a processing note while the payment is submitted, and a language switch that keeps what was typed.
// The server checks everything again; without the script the language links simply reload the page.
(function () {
  "use strict";
  var form = document.getElementById("pay");
  var button = document.getElementById("pay-button");
  var note = document.getElementById("processing-note");
  if (form && button && note) {
    form.addEventListener("submit", function (e) {
      if (e.submitter && e.submitter.hasAttribute("data-switch-language")) {
        return;
      }
      note.textContent = button.getAttribute("data-processing");
      note.classList.add("spinner");
      setTimeout(function () { button.disabled = true; }, 0);
    });
  }
  // The language links post the form on the page to the same view (its immediate switch button),
  // which changes the language without validating or paying: the fields keep what was typed.
  var switchButton = document.querySelector("[data-switch-language]");
  if (switchButton && switchButton.form) {
    var links = document.querySelectorAll(".languages a[lang]");
    for (var j = 0; j < links.length; j++) {
      links[j].addEventListener("click", function (e) {
        var field = switchButton.form.elements["switch-lang"];
        if (!field || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) {
          return;
        }
        e.preventDefault();
        field.value = this.getAttribute("lang");
        switchButton.click();
      });
    }
  }
})();
