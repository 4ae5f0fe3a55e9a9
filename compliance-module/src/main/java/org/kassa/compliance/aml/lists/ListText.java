package org.kassa.compliance.aml.lists;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.kassa.compliance.aml.ListFormatException;

/** Bytes to text for the CSV formats, and the whitespace rule every format applies to values. */
final class ListText {

  static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00a0]+");

  private ListText() {}

  /**
   * The text of a CSV file. UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), else
   * Windows-1252: OFAC wrote its CSV files in Windows-1252 for years, and a Latin-1 byte such as
   * 0xE9 is never valid UTF-8 on its own, so valid UTF-8 is a reliable sign.
   */
  static String decode(byte[] bytes, String file) throws ListFormatException {
    if (bytes.length == 0) {
      throw new ListFormatException(file + " is empty");
    }
    byte[] body = bytes;
    if (bytes.length >= 3
        && (bytes[0] & 0xff) == 0xef
        && (bytes[1] & 0xff) == 0xbb
        && (bytes[2] & 0xff) == 0xbf) {
      body = Arrays.copyOfRange(bytes, 3, bytes.length);
    }
    String utf8 = utf8(body);
    return utf8 != null ? utf8 : new String(body, WINDOWS_1252);
  }

  /** The bytes as UTF-8, or null when they are not valid UTF-8. */
  static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException notUtf8) {
      return null;
    }
  }

  /** Whitespace runs (line breaks in XML text, double spaces in CSV) as one space, trimmed. */
  static String clean(String value) {
    if (value == null) {
      return "";
    }
    return WHITESPACE.matcher(value).replaceAll(" ").strip();
  }
}
