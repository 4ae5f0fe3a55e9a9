package org.kassa.compliance.aml.lists;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** IMO ship identification numbers: seven digits, the last a check digit. */
final class ImoNumbers {

  private static final Pattern IN_TEXT =
      Pattern.compile("(?i)\\bIMO(?:\\s+number)?\\s*(?:no\\.?)?\\s*:?\\s*(\\d{7})\\b");

  private ImoNumbers() {}

  /** Whether the last digit is the sum of the first six times 7, 6, ... 2, modulo 10. */
  static boolean isValid(String value) {
    if (!value.matches("\\d{7}")) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 6; i++) {
      sum += (value.charAt(i) - '0') * (7 - i);
    }
    return sum % 10 == value.charAt(6) - '0';
  }

  /** A valid IMO number that free text names as one ("IMO number: 9187629", "IMO 9187629"). */
  static String find(String text) {
    Matcher m = IN_TEXT.matcher(text);
    while (m.find()) {
      if (isValid(m.group(1))) {
        return m.group(1);
      }
    }
    return null;
  }
}
