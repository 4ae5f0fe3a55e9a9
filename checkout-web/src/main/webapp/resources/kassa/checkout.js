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
  // The method picker: only the chosen method's fields are shown, and the others' are disabled so
  // that the browser neither checks nor sends them. Without the script every method's fields show.
  var radios = document.querySelectorAll("input[type=radio][name=method]");
  var panels = document.querySelectorAll(".method-fields[data-method]");
  function showMethod() {
    var chosen = null;
    for (var r = 0; r < radios.length; r++) {
      if (radios[r].checked) { chosen = radios[r].value; }
    }
    if (chosen === null) { return; }
    for (var p = 0; p < panels.length; p++) {
      var on = panels[p].getAttribute("data-method") === chosen;
      panels[p].hidden = !on;
      var fields = panels[p].querySelectorAll("input, select, textarea, button");
      for (var f = 0; f < fields.length; f++) {
        fields[f].disabled = !on;
        if (fields[f].getAttribute("aria-required") === "true") { fields[f].required = on; }
      }
    }
  }
  if (radios.length && panels.length) {
    for (var k = 0; k < radios.length; k++) { radios[k].addEventListener("change", showMethod); }
    showMethod();
  }
  // The QR step: a countdown to the code's end (seen every second; said politely at most once a
  // minute, half a minute before the end, and at the end), and a poll of /pay-status, without
  // reloading, until the payment is settled; then the page loads its result.
  var qr = document.getElementById("qr");
  if (qr) {
    var lang = document.documentElement.lang || "en";
    var minutes = new Intl.NumberFormat(lang, { useGrouping: false });
    var seconds = new Intl.NumberFormat(lang, { minimumIntegerDigits: 2, useGrouping: false });
    var left = parseInt(qr.getAttribute("data-seconds-left"), 10) || 0;
    var started = Date.now();
    var timer = document.getElementById("qr-timer");
    var announce = document.getElementById("qr-announce");
    var template = qr.getAttribute("data-countdown");
    var said = -1;
    var tick = function () {
      var s = Math.max(0, left - Math.floor((Date.now() - started) / 1000));
      var text = template.replace("{0}", minutes.format(Math.floor(s / 60)) + ":" + seconds.format(s % 60));
      timer.textContent = text;
      if (s === 0 && said !== 0) {
        said = 0;
        announce.textContent = qr.getAttribute("data-ended");
      } else if (s > 0 && s !== said && (s % 60 === 0 || s === 30)) {
        said = s;
        announce.textContent = text;
      }
    };
    tick();
    setInterval(tick, 1000);
    var poll = function () {
      fetch(qr.getAttribute("data-status-url"), { cache: "no-store", credentials: "same-origin" })
        .then(function (r) { return r.json(); })
        .then(function (status) {
          if (status.pending === false) {
            qr.setAttribute("data-state", status.payment_status || "none");
            window.location.replace(qr.getAttribute("data-return-url"));
          } else {
            setTimeout(poll, 2000);
          }
        })
        .catch(function () { setTimeout(poll, 5000); });
    };
    setTimeout(poll, 2000);
  }
  // Back to the shop after the payment, unless the shopper chooses to stay (WCAG 2.2.1).
  var redirecting = document.getElementById("redirecting");
  var stay = document.getElementById("stay");
  if (redirecting && stay) {
    var redirectSeconds = parseInt(redirecting.getAttribute("data-seconds"), 10) || 10;
    var redirectTimer = setTimeout(function () {
      window.location.assign(redirecting.getAttribute("data-redirect"));
    }, redirectSeconds * 1000);
    redirecting.hidden = false;
    stay.addEventListener("click", function () {
      clearTimeout(redirectTimer);
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
  if (!target) {
    target = document.querySelector("[autofocus]"); // a step that names its own first control
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
