package org.kassa.payment.money.fx;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.kassa.payment.money.CurrencyCode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reads the ECB's euro foreign exchange reference rates ({@code eurofxref-daily.xml}): a {@code
 * gesmes:Envelope} holding one {@code Cube time="yyyy-MM-dd"} with one {@code Cube currency=...
 * rate=...} per currency, each rate being how many units of the currency one euro buys. The whole
 * file is checked before anything is used: one wrong entry makes the file bad, so that a truncated
 * or edited file never becomes the rates of the day.
 */
public final class EcbRatesFile {

  static final String GESMES_NS = "http://www.gesmes.org/xml/2002-08-01";
  static final String ECB_NS = "http://www.ecb.int/vocabulary/2002-08-01/eurofxref";

  /**
   * The day's rates as the file states them.
   *
   * @param perEuro units of each currency per euro, EUR itself = 1
   * @param ignored well-formed codes that are not active ISO 4217 currencies (any more), e.g. BGN
   *     since the lev gave way to the euro: listed, not quoted
   */
  public record Parsed(LocalDate date, Map<String, BigDecimal> perEuro, Set<String> ignored) {}

  private EcbRatesFile() {}

  /**
   * Parses and checks one file.
   *
   * @throws BadRatesFileException naming what is wrong, if anything is
   */
  public static Parsed parse(byte[] xml) throws BadRatesFileException {
    if (xml == null || xml.length == 0) {
      throw new BadRatesFileException("the file is empty");
    }
    Document doc = read(xml);
    Element root = doc.getDocumentElement();
    if (!GESMES_NS.equals(root.getNamespaceURI()) || !"Envelope".equals(root.getLocalName())) {
      throw new BadRatesFileException("the root element is not a gesmes:Envelope");
    }
    Element outer = onlyChild(root, "Cube", "the envelope");
    Element daily = onlyChild(outer, "Cube", "the outer Cube");
    LocalDate date;
    try {
      date = LocalDate.parse(daily.getAttribute("time"));
    } catch (DateTimeParseException e) {
      throw new BadRatesFileException("the Cube has no valid time (yyyy-MM-dd)");
    }
    Map<String, BigDecimal> perEuro = new TreeMap<>();
    perEuro.put("EUR", BigDecimal.ONE);
    Set<String> ignored = new TreeSet<>();
    Set<String> seen = new TreeSet<>();
    for (Node n = daily.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (!(n instanceof Element cube)) {
        continue;
      }
      if (!ECB_NS.equals(cube.getNamespaceURI()) || !"Cube".equals(cube.getLocalName())) {
        throw new BadRatesFileException("unexpected element " + cube.getTagName());
      }
      String code = cube.getAttribute("currency");
      if (!code.matches("[A-Z]{3}") || "EUR".equals(code)) {
        throw new BadRatesFileException("'" + code + "' is not a currency code other than EUR");
      }
      BigDecimal rate;
      try {
        rate = new BigDecimal(cube.getAttribute("rate"));
      } catch (NumberFormatException e) {
        throw new BadRatesFileException("the rate of " + code + " is not a decimal number");
      }
      if (rate.signum() <= 0) {
        throw new BadRatesFileException("the rate of " + code + " is not positive");
      }
      if (!seen.add(code)) {
        throw new BadRatesFileException(code + " is listed twice");
      }
      if (CurrencyCode.isValid(code)) {
        perEuro.put(code, rate);
      } else {
        ignored.add(code);
      }
    }
    if (perEuro.size() < 2) {
      throw new BadRatesFileException("the file lists no currency");
    }
    return new Parsed(date, perEuro, ignored);
  }

  private static Document read(byte[] xml) throws BadRatesFileException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      // A rates file comes from outside: no DTDs, no external entities.
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(
          new org.xml.sax.helpers.DefaultHandler() {
            @Override
            public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
              throw e; // reported once, by the exception, not also on stderr
            }
          });
      return builder.parse(new ByteArrayInputStream(xml));
    } catch (SAXException e) {
      throw new BadRatesFileException("not well-formed XML: " + e.getMessage(), e);
    } catch (ParserConfigurationException | IOException e) {
      throw new BadRatesFileException("cannot be read: " + e.getMessage(), e);
    }
  }

  private static Element onlyChild(Element parent, String localName, String where)
      throws BadRatesFileException {
    Element found = null;
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e
          && ECB_NS.equals(e.getNamespaceURI())
          && localName.equals(e.getLocalName())) {
        if (found != null) {
          throw new BadRatesFileException(where + " holds more than one " + localName);
        }
        found = e;
      }
    }
    if (found == null) {
      throw new BadRatesFileException(where + " holds no " + localName);
    }
    return found;
  }
}
