// The pay button says the amount of the currency the shopper chose (theirs, at the locked quote,
// or the session's). Without the script it says the session's; the choice is what is charged.
(function () {
  "use strict";
  var offer = document.getElementById("presentment");
  var button = document.getElementById("pay-button");
  if (!offer || !button) {
    return;
  }
  var radios = offer.querySelectorAll("input[type=radio]");
  function update() {
    for (var i = 0; i < radios.length; i++) {
      if (radios[i].checked) {
        button.value = radios[i].value === "presentment"
          ? offer.getAttribute("data-pay-presented") : offer.getAttribute("data-pay-session");
      }
    }
  }
  for (var i = 0; i < radios.length; i++) {
    radios[i].addEventListener("change", update);
  }
  update();
})();
