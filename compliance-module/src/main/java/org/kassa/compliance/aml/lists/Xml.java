package org.kassa.compliance.aml.lists;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.kassa.compliance.aml.ListFormatException;

/**
 * Streaming XML for the XML formats: the JDK's StAX reader walks the file and only one entry at a
 * time becomes a small {@link Node} tree, so a list of any size is read in little memory.
 */
final class Xml {

  private Xml() {}

  /**
   * A reader that never fetches or expands anything the file points to. A list file comes from
   * outside; with DTDs and external entities on, a DOCTYPE could make the parser read a local file
   * or call a URL (XXE) or expand entities without end. The official lists use no DTD, so a file
   * that has one is refused by {@link #next} as not being one of them.
   */
  static XMLStreamReader open(byte[] bytes, String file) throws ListFormatException {
    return open(bytes, file, false);
  }

  /**
   * As {@link #open(byte[], String)}; with {@code windows1252WhenUndeclared}, a file that declares
   * no encoding and is not valid UTF-8 is read as Windows-1252 instead of being refused, as OFAC
   * has written its files.
   */
  static XMLStreamReader open(byte[] bytes, String file, boolean windows1252WhenUndeclared)
      throws ListFormatException {
    if (bytes.length == 0) {
      throw new ListFormatException(file + " is empty");
    }
    // The JDK's own implementation, whatever else the server puts on the class path.
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    // XXE: no DTD processing and no external entities, so that <!ENTITY x SYSTEM "file:..."> or
    // a DOCTYPE pointing at a URL can neither read a file, nor call out, nor expand without end.
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    try {
      if (windows1252WhenUndeclared && !declaresEncoding(bytes) && ListText.utf8(bytes) == null) {
        return factory.createXMLStreamReader(
            new StringReader(new String(bytes, ListText.WINDOWS_1252)));
      }
      // From bytes, so that the parser takes the encoding from the XML declaration (UTF-8 when
      // there is none) and refuses bytes that are not valid in it.
      return factory.createXMLStreamReader(new ByteArrayInputStream(bytes));
    } catch (XMLStreamException e) {
      throw refused(file, e);
    }
  }

  /** The next event; a DTD or an entity reference refuses the file (see {@link #open}). */
  static int next(XMLStreamReader reader, String file) throws ListFormatException {
    try {
      int event = reader.next();
      if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
        throw new ListFormatException(file + ": a DOCTYPE or entity is not part of this format");
      }
      return event;
    } catch (XMLStreamException e) {
      throw refused(file, e);
    }
  }

  /**
   * The root element, after the prolog.
   *
   * @param namespace the namespace it must have ("" for none), or null for any
   * @throws ListFormatException when there is none or it is not {@code expected}
   */
  static Node root(XMLStreamReader reader, String file, String expected, String namespace)
      throws ListFormatException {
    int event = reader.getEventType();
    while (event != XMLStreamConstants.START_ELEMENT) {
      if (event == XMLStreamConstants.END_DOCUMENT) {
        throw new ListFormatException(file + " has no root element");
      }
      event = next(reader, file);
    }
    String name = reader.getLocalName();
    String ns = reader.getNamespaceURI() == null ? "" : reader.getNamespaceURI();
    if (!name.equals(expected) || namespace != null && !namespace.equals(ns)) {
      throw new ListFormatException(
          file
              + ": root element is <"
              + name
              + (ns.isEmpty() ? "" : " xmlns=\"" + ns + "\"")
              + ">, expected <"
              + expected
              + (namespace == null || namespace.isEmpty() ? "" : " xmlns=\"" + namespace + "\"")
              + ">");
    }
    return new Node(name, attributes(reader), "", List.of());
  }

  // Entries nest a few levels; a file nesting deeper is not a list and must not exhaust the stack.
  private static final int MAX_DEPTH = 32;

  /** The element the reader is on, with everything in it; the reader is left on its end tag. */
  static Node read(XMLStreamReader reader, String file) throws ListFormatException {
    return read(reader, file, 0);
  }

  private static Node read(XMLStreamReader reader, String file, int depth)
      throws ListFormatException {
    if (depth > MAX_DEPTH) {
      throw new ListFormatException(file + ": elements nest deeper than " + MAX_DEPTH);
    }
    String name = reader.getLocalName();
    Map<String, String> attributes = attributes(reader);
    List<Node> children = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    while (true) {
      int event = next(reader, file);
      switch (event) {
        case XMLStreamConstants.START_ELEMENT -> children.add(read(reader, file, depth + 1));
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
            text.append(reader.getText());
        case XMLStreamConstants.END_ELEMENT -> {
          return new Node(name, attributes, ListText.clean(text.toString()), children);
        }
        case XMLStreamConstants.END_DOCUMENT ->
            throw new ListFormatException(file + " ends inside <" + name + ">");
        default -> {
          // comments and processing instructions carry nothing
        }
      }
    }
  }

  /** A date-time with offset such as {@code 2026-02-27T00:00:09.554Z}, as the date it names. */
  static LocalDate dateOf(String dateTime, String file, String what) throws ListFormatException {
    try {
      return OffsetDateTime.parse(dateTime).toLocalDate();
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(dateTime.length() >= 10 ? dateTime.substring(0, 10) : dateTime);
      } catch (DateTimeParseException notADate) {
        throw new ListFormatException(file + ": " + what + " '" + dateTime + "' is not a date");
      }
    }
  }

  private static boolean declaresEncoding(byte[] bytes) {
    String head = new String(bytes, 0, Math.min(bytes.length, 256), StandardCharsets.ISO_8859_1);
    int end = head.indexOf("?>");
    return head.contains("<?xml") && end > 0 && head.substring(0, end).contains("encoding");
  }

  static ListFormatException refused(String file, XMLStreamException e) {
    return new ListFormatException(file + " is not well-formed XML: " + e.getMessage(), e);
  }

  private static Map<String, String> attributes(XMLStreamReader reader) {
    Map<String, String> attributes = new HashMap<>();
    for (int i = 0; i < reader.getAttributeCount(); i++) {
      attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
    }
    return attributes;
  }

  /** One element: its local name, attributes, whitespace-cleaned text and child elements. */
  record Node(String name, Map<String, String> attributes, String text, List<Node> children) {

    /** The children of that name. */
    List<Node> all(String childName) {
      return children.stream().filter(c -> c.name.equals(childName)).toList();
    }

    /** The text of the first child of that name, or "". */
    String text(String childName) {
      return children.stream()
          .filter(c -> c.name.equals(childName))
          .findFirst()
          .map(Node::text)
          .orElse("");
    }

    /** The children of that name inside the children named {@code list}. */
    List<Node> all(String list, String childName) {
      return children.stream()
          .filter(c -> c.name.equals(list))
          .flatMap(c -> c.all(childName).stream())
          .toList();
    }

    /** An attribute, cleaned, or "". */
    String attr(String attribute) {
      return ListText.clean(attributes.get(attribute));
    }
  }
}
