// Progressive enhancement for the hosted page: the brand as the shopper types, digit grouping,
// a processing note while the payment is submitted, and a language switch that keeps what was typed.
// The server checks everything again; without the script the language links simply reload the page.
(function () {
  "use strict";
  var brands = [
    ["American Express", /^3[47]/], ["Diners Club", /^3(0[0-5]|[689])/], ["JCB", /^35(2[89]|[3-8])/],
    ["Discover", /^(6011|64[4-9]|65)/], ["UnionPay", /^(62|81)/], ["Mastercard", /^(5[1-5]|2(2[2-9]|[3-6]|7[01]|720))/],
    ["Visa", /^4/]
  ];
  var number = document.getElementById("cardnumber");
  var brand = document.getElementById("card-brand");
  if (number && brand) {
    number.addEventListener("input", function () {
      var digits = number.value.replace(/\D/g, "");
      var name = "";
      for (var i = 0; i < brands.length; i++) {
        if (brands[i][1].test(digits)) { name = brands[i][0]; break; }
      }
      brand.textContent = name;
    });
  }
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
  // Back to the shop after the payment, unless the shopper chooses to stay (WCAG 2.2.1).
  var redirecting = document.getElementById("redirecting");
  var stay = document.getElementById("stay");
  if (redirecting && stay) {
    var seconds = parseInt(redirecting.getAttribute("data-seconds"), 10) || 10;
    var timer = setTimeout(function () {
      window.location.assign(redirecting.getAttribute("data-redirect"));
    }, seconds * 1000);
    redirecting.hidden = false;
    stay.addEventListener("click", function () {
      clearTimeout(timer);
      redirecting.hidden = true;
      var back = document.getElementById("continue");
      if (back) {
        back.focus();
      }
    });
  }
  // Where keyboard and screen-reader users are after each step (the page is new after every submit):
  // on the first error, else on the language they switched to, else on the step's heading. The
  // first view of the card form keeps the browser's own start, at the top of the page.
  var main = document.getElementById("main");
  var target = document.getElementById("error-summary");
  var messages = document.getElementById("messages");
  if (!target && messages && messages.querySelector("li:not(.info)")) {
    target = messages; // a decline or a failed challenge: why, and what to do
  }
  if (!target && main && main.getAttribute("data-focus") === "language") {
    target = document.querySelector(".languages a.current");
  }
  if (!target && main && main.getAttribute("data-focus") === "heading") {
    target = main.querySelector("h1");
  }
  if (target) {
    if (!target.hasAttribute("tabindex") && !/^(A|BUTTON|INPUT|SELECT)$/.test(target.tagName)) {
      target.setAttribute("tabindex", "-1");
    }
    target.focus();
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
