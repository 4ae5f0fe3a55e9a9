// Names the card brand as the shopper types, from the BIN ranges the server detects with
// (/checkout/card-brands.json): the longest matching prefix wins, then the narrower range, then
// the first listed. The brand is said in words (not a colour or a logo only), and the security
// code field expects the brand's length. The server checks everything again.
(function () {
  "use strict";
  var script = document.currentScript;
  var number = document.getElementById("cardnumber");
  var label = document.getElementById("card-brand");
  var cvc = document.getElementById("cvc");
  if (!script || !number || !label || !window.fetch) {
    return;
  }
  var data = null;

  function detect(digits) {
    var best = null, bestLength = 0, bestWidth = 0;
    for (var i = 0; i < data.ranges.length; i++) {
      var r = data.ranges[i], low = r[1], high = r[2], len = low.length;
      if (digits.length < len) {
        continue;
      }
      var prefix = digits.substring(0, len);
      if (prefix < low || prefix > high) {
        continue;
      }
      var width = Number(high) - Number(low);
      if (len > bestLength || (len === bestLength && width < bestWidth)) {
        best = r[0];
        bestLength = len;
        bestWidth = width;
      }
    }
    return best;
  }

  function update() {
    if (!data) {
      return;
    }
    var key = detect(number.value.replace(/\D/g, ""));
    var brand = key ? data.brands[key] : null;
    label.textContent = brand ? brand.name : "";
    label.setAttribute("data-brand", key || "");
    if (cvc) {
      var size = brand ? brand.cvc : 3;
      var range = brand ? String(size) : "3,4";
      cvc.setAttribute("maxlength", String(brand ? size : 4));
      cvc.setAttribute("pattern", "[0-9]{" + range + "}");
      cvc.setAttribute("data-expected-length", brand ? String(size) : "");
    }
  }

  fetch(script.getAttribute("data-brands"), { credentials: "omit" })
    .then(function (answer) { return answer.ok ? answer.json() : null; })
    .then(function (json) {
      data = json;
      number.addEventListener("input", update);
      update();
    })
    .catch(function () { /* without the ranges the server still names the brand on submit */ });
})();
