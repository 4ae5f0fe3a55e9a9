package org.kassa.payment.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every currency's minor units against ISO's own XML publication (list one of 2024-06-25), a source
 * independent of the CSV table the application reads. The CSV is newer: it records what ISO changed
 * since, and only that may differ.
 */
class IsoMinorUnitsTest {

  /** Withdrawn since list one: ANG (by XCG, 2025-03), BGN (by the euro, 2026-01), CUC. */
  private static final Set<String> WITHDRAWN_SINCE = Set.of("ANG", "BGN", "CUC");

  /** Added since list one: the Caribbean guilder and the Arab Accounting Dinar. */
  private static final Map<String, Integer> ADDED_SINCE = Map.of("XCG", 2, "XAD", 2);

  @Test
  void everyActiveCurrencyHasTheMinorUnitsOfIsoListOne() throws Exception {
    Map<String, Integer> iso = listOne();
    assertThat(iso).hasSizeGreaterThan(150).containsKeys(WITHDRAWN_SINCE.toArray(String[]::new));

    Map<String, Integer> expected = new TreeMap<>(iso);
    expected.keySet().removeAll(WITHDRAWN_SINCE);
    expected.putAll(ADDED_SINCE);
    assertThat(IsoCurrencies.all()).isEqualTo(expected);
    expected.forEach(
        (code, units) -> assertThat(CurrencyCode.of(code).minorUnits()).as(code).isEqualTo(units));
    WITHDRAWN_SINCE.forEach(code -> assertThat(CurrencyCode.isValid(code)).as(code).isFalse());
  }

  @Test
  void codesWithoutMinorUnitsInIsoAreNotPayable() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("iso4217_list_one_table_a1.xml")) {
      NodeList entries =
          DocumentBuilderFactory.newInstance()
              .newDocumentBuilder()
              .parse(in)
              .getElementsByTagName("CcyNtry");
      int checked = 0;
      for (int i = 0; i < entries.getLength(); i++) {
        Element e = (Element) entries.item(i);
        if (text(e, "CcyMnrUnts").equals("N.A.")) {
          assertThat(CurrencyCode.isValid(text(e, "Ccy"))).as(text(e, "Ccy")).isFalse();
          checked++;
        }
      }
      assertThat(checked).as("XAU, XDR, XTS, ...").isGreaterThan(5);
    }
  }

  /** Code to minor units of every entry with numeric minor units. */
  private Map<String, Integer> listOne() throws Exception {
    Map<String, Integer> units = new TreeMap<>();
    try (InputStream in = getClass().getResourceAsStream("iso4217_list_one_table_a1.xml")) {
      NodeList entries =
          DocumentBuilderFactory.newInstance()
              .newDocumentBuilder()
              .parse(in)
              .getElementsByTagName("CcyNtry");
      for (int i = 0; i < entries.getLength(); i++) {
        Element e = (Element) entries.item(i);
        String code = text(e, "Ccy");
        String minor = text(e, "CcyMnrUnts");
        if (!code.isEmpty() && minor.matches("\\d")) {
          Integer before = units.put(code, Integer.parseInt(minor));
          assertThat(before)
              .as(code + " listed with one number of minor units")
              .isIn(null, units.get(code));
        }
      }
    }
    return units;
  }

  private static String text(Element entry, String tag) {
    NodeList found = entry.getElementsByTagName(tag);
    return found.getLength() == 0 ? "" : found.item(0).getTextContent().trim();
  }
}
