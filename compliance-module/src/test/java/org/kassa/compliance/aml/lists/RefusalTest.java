package org.kassa.compliance.aml.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kassa.compliance.aml.ListFiles;
import org.kassa.compliance.aml.ListFormat;
import org.kassa.compliance.aml.ListFormatException;
import org.kassa.compliance.aml.SanctionsList;

/** Every format refuses, whole, a file that is not a complete list of its kind. */
class RefusalTest {

  /** A format, the name its main file goes by, and a real file of it. */
  private record Case(String label, ListFormat format, String fileName, String path) {
    ListFiles with(byte[] bytes) {
      return ListFiles.of(fileName, bytes);
    }

    @Override
    public String toString() {
      return label;
    }
  }

  private static final List<Case> CASES =
      List.of(
          new Case("OFAC SDN CSV", OfacCsvFormat.sdn(), "sdn.csv", "ofac/sdn_2024-05-03/sdn.csv"),
          new Case(
              "OFAC consolidated CSV",
              OfacCsvFormat.consolidated(),
              "cons_prim.csv",
              "ofac/cons_nonsdn/cons_prim.csv"),
          new Case(
              "OFAC SDN XML",
              OfacSdnXmlFormat.excerpt(),
              "sdn.xml",
              "ofac/xml_samples/sdn_sample_2020-04-22.xml"),
          new Case(
              "UN XML", new UnXmlFormat(), "consolidated.xml", "un/sample_unsc_2024-10-17.xml"),
          new Case(
              "EU FSF XML", new EuFsfXmlFormat(), "fsf.xml", "eu/sample_eu_fsf_2020-04-15.xml"),
          new Case(
              "UK ConList CSV",
              new UkOfsiCsvFormat(),
              "ConList.csv",
              "uk/sample_hmt_conlist_2020-04-27.csv"));

  static Stream<Case> cases() {
    return CASES.stream();
  }

  /** Every format with every file of another format (OFAC's two CSV lists share one format). */
  static Stream<Arguments> otherFormats() {
    return CASES.stream()
        .flatMap(
            c ->
                CASES.stream()
                    .filter(o -> o != c)
                    .filter(
                        o ->
                            !(c.format() instanceof OfacCsvFormat
                                && o.format() instanceof OfacCsvFormat))
                    .map(o -> Arguments.of(c, o.path())));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void theRealFileIsRead(Case c) throws Exception {
    SanctionsList list = c.format().read(c.with(Fixtures.bytes(c.path())));
    assertThat(list.entries()).isNotEmpty();
    assertThat(list.sha256()).isEqualTo(Fixtures.sha256(c.path()));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void anEmptyFileIsRefused(Case c) {
    assertThatThrownBy(() -> c.format().read(c.with(new byte[0])))
        .isInstanceOf(ListFormatException.class)
        .hasMessageContaining("empty");
  }

  @ParameterizedTest
  @MethodSource("cases")
  void aFileCutShortIsRefused(Case c) {
    byte[] whole = Fixtures.bytes(c.path());
    for (double at : new double[] {0.1, 0.5, 0.9}) {
      int cut = (int) (whole.length * at);
      while (whole[cut - 1] == '\n') {
        cut++; // mid-line: a cut right after a line break is the next test's subject
      }
      byte[] part = Arrays.copyOf(whole, cut);
      assertThatThrownBy(() -> c.format().read(c.with(part)))
          .as("cut at %d of %d bytes", cut, whole.length)
          .isInstanceOf(ListFormatException.class);
    }
  }

  @ParameterizedTest
  @MethodSource("otherFormats")
  void aFileOfAnotherFormatIsRefused(Case c, String otherPath) {
    assertThatThrownBy(() -> c.format().read(c.with(Fixtures.bytes(otherPath))))
        .isInstanceOf(ListFormatException.class);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void binaryBytesAreRefused(Case c) {
    byte[] zip = {0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, (byte) 0x9c, 0x0a};
    assertThatThrownBy(() -> c.format().read(c.with(zip))).isInstanceOf(ListFormatException.class);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void theWrongNumberOfFilesIsRefused(Case c) {
    byte[] bytes = Fixtures.bytes(c.path());
    ListFiles wrongName = ListFiles.of("readme.txt", "hello\n".getBytes(StandardCharsets.UTF_8));
    if (c.format() instanceof OfacCsvFormat) {
      // The main file is required by name; the others are optional.
      assertThatThrownBy(() -> c.format().read(wrongName))
          .isInstanceOf(ListFormatException.class)
          .hasMessageContaining("no file named " + c.fileName());
    } else {
      assertThatThrownBy(() -> c.format().read(c.with(bytes).with("other.xml", bytes)))
          .isInstanceOf(ListFormatException.class)
          .hasMessageContaining("exactly one file");
    }
  }

  @Test
  void anOfacLineWithAMissingColumnIsRefused() {
    String csv =
        "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
            + "173,\"ANGLO-CARIBBEAN CO., LTD.\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
            + "\u001a";
    assertThatThrownBy(
            () ->
                OfacCsvFormat.sdn()
                    .read(ListFiles.of("sdn.csv", csv.getBytes(StandardCharsets.US_ASCII))))
        .isInstanceOf(ListFormatException.class)
        .hasMessage("sdn.csv line 2: 11 columns, expected 12");
  }

  @Test
  void anAltFileOfTheWrongShapeIsRefused() {
    ListFiles files =
        Fixtures.files("ofac/sdn_set_2021-07", "sdn.csv")
            .with(
                "alt.csv",
                "36,12,\"aka\",\"AERO-CARIBBEAN\"\r\n".getBytes(StandardCharsets.US_ASCII));
    assertThatThrownBy(() -> OfacCsvFormat.sdn().read(files))
        .isInstanceOf(ListFormatException.class)
        .hasMessage("alt.csv line 1: 4 columns, expected 5");
  }

  @Test
  void anOfacFileWhoseLastLineLostItsEndIsRefused() {
    // Cut inside the last cell: the column count is still right, the line break is missing.
    String csv =
        "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0";
    assertThatThrownBy(
            () ->
                OfacCsvFormat.sdn()
                    .read(ListFiles.of("sdn.csv", csv.getBytes(StandardCharsets.US_ASCII))))
        .isInstanceOf(ListFormatException.class)
        .hasMessageContaining("no line break");
  }

  @Test
  void anUnknownOfacTypeIsRefused() {
    String csv =
        "36,\"AEROCARIBBEAN AIRLINES\",\"airline\",\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n";
    assertThatThrownBy(
            () ->
                OfacCsvFormat.sdn()
                    .read(ListFiles.of("sdn.csv", csv.getBytes(StandardCharsets.US_ASCII))))
        .isInstanceOf(ListFormatException.class)
        .hasMessageContaining("type 'airline'");
  }

  @Test
  void aConListRowOfTheWrongWidthIsRefused() {
    String[] lines = Fixtures.text("uk/sample_hmt_conlist_2020-04-27.csv").split("\n", -1);
    lines[5] = lines[5].substring(0, lines[5].lastIndexOf(',')); // 35 columns
    byte[] bytes = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> new UkOfsiCsvFormat().read(ListFiles.of("ConList.csv", bytes)))
        .isInstanceOf(ListFormatException.class)
        .hasMessage("ConList.csv line 6: 35 columns, expected 36");
  }

  @Test
  void aWellFormedXmlWithoutEntriesIsRefused() {
    String xml =
        "<CONSOLIDATED_LIST dateGenerated=\"2026-02-27T00:00:09.554Z\"><INDIVIDUALS/><ENTITIES/>"
            + "</CONSOLIDATED_LIST>";
    assertThatThrownBy(
            () ->
                new UnXmlFormat()
                    .read(ListFiles.of("un.xml", xml.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(ListFormatException.class)
        .hasMessageContaining("no INDIVIDUAL and no ENTITY");
  }

  @Test
  void anEntryWithoutNameIsRefused() {
    String xml =
        "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME/></INDIVIDUAL>"
            + "</INDIVIDUALS></CONSOLIDATED_LIST>";
    assertThatThrownBy(
            () ->
                new UnXmlFormat()
                    .read(ListFiles.of("un.xml", xml.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(ListFormatException.class)
        .hasMessage("entry 1 has no name");
  }

  @Test
  void anEuFileWithoutItsNamespaceIsRefused() {
    String xml =
        Fixtures.text("eu/sample_eu_fsf_2020-04-15.xml")
            .replace(" xmlns=\"http://eu.europa.ec/fpi/fsd/export\"", "");
    assertThatThrownBy(
            () ->
                new EuFsfXmlFormat()
                    .read(ListFiles.of("eu.xml", xml.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(ListFormatException.class)
        .hasMessageContaining("root element is <export>, expected <export xmlns=");
  }

  /** XML formats with a minimal document whose name is {@code NAME}. */
  static Stream<Arguments> xmlDocuments() {
    return Stream.of(
        Arguments.of(
            OfacSdnXmlFormat.excerpt(),
            "sdnList",
            "<sdnList><sdnEntry><uid>1</uid><lastName>NAME</lastName><sdnType>Entity</sdnType>"
                + "</sdnEntry></sdnList>"),
        Arguments.of(
            new UnXmlFormat(),
            "CONSOLIDATED_LIST",
            "<CONSOLIDATED_LIST><ENTITIES><ENTITY><DATAID>1</DATAID><FIRST_NAME>NAME</FIRST_NAME>"
                + "</ENTITY></ENTITIES></CONSOLIDATED_LIST>"),
        Arguments.of(
            new EuFsfXmlFormat(),
            "export",
            "<export xmlns=\"http://eu.europa.ec/fpi/fsd/export\"><sanctionEntity logicalId=\"1\">"
                + "<nameAlias wholeName=\"NAME\" strong=\"true\"/></sanctionEntity></export>"));
  }

  @ParameterizedTest
  @MethodSource("xmlDocuments")
  void theMinimalDocumentsAreLists(ListFormat format, String root, String xml) throws Exception {
    SanctionsList list =
        format.read(ListFiles.of("list.xml", xml.getBytes(StandardCharsets.UTF_8)));
    assertThat(list.entries())
        .singleElement()
        .satisfies(e -> assertThat(e.name()).isEqualTo("NAME"));
  }

  @ParameterizedTest
  @MethodSource("xmlDocuments")
  void anExternalEntityIsNeverRead(ListFormat format, String root, String xml, @TempDir Path dir)
      throws Exception {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-42");
    String attack =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE "
            + root
            + " [<!ENTITY xxe SYSTEM \""
            + secret.toUri()
            + "\">]>\n"
            + xml.replace("NAME", "&xxe;").replace("\"&xxe;\"", "\"x&xxe;\"");

    assertThatThrownBy(
            () -> format.read(ListFiles.of("list.xml", attack.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(ListFormatException.class)
        .hasMessageContaining("DOCTYPE")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("TOP-SECRET-42"));
  }

  @ParameterizedTest
  @MethodSource("xmlDocuments")
  void anExternalDtdIsNeverFetched(ListFormat format, String root, String xml) throws Exception {
    try (ServerSocket server = new ServerSocket(0)) {
      server.setSoTimeout(300);
      String attack =
          "<?xml version=\"1.0\"?>\n<!DOCTYPE "
              + root
              + " SYSTEM \"http://127.0.0.1:"
              + server.getLocalPort()
              + "/evil.dtd\">\n"
              + xml;

      // A parser that fetches the DTD would wait on this socket for an answer: fail, not hang.
      Throwable thrown =
          assertTimeoutPreemptively(
              Duration.ofSeconds(10),
              () ->
                  catchThrowable(
                      () ->
                          format.read(
                              ListFiles.of("list.xml", attack.getBytes(StandardCharsets.UTF_8)))));
      assertThat(thrown).isInstanceOf(ListFormatException.class).hasMessageContaining("DOCTYPE");
      assertThat(nobodyCalled(server)).as("the parser fetched the DTD").isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("xmlDocuments")
  void entityExpansionIsRefused(ListFormat format, String root, String xml) {
    String laughs =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE "
            + root
            + " [<!ENTITY a \"lol\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
            + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>\n"
            + xml.replace("NAME", "&d;").replace("\"&d;\"", "\"x&d;\"");
    assertThatThrownBy(
            () -> format.read(ListFiles.of("list.xml", laughs.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(ListFormatException.class);
  }

  private static boolean nobodyCalled(ServerSocket server) throws IOException {
    try (Socket ignored = server.accept()) {
      return false;
    } catch (SocketTimeoutException expected) {
      return true;
    }
  }
}
