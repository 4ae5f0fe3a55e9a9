package org.kassa.compliance.aml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListFilesTest {

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void namesAreMatchedIgnoringCase() throws Exception {
    ListFiles files = ListFiles.of("SDN.CSV", b("a")).with("Alt.csv", b("b"));

    assertThat(files.require("sdn.csv")).isEqualTo(b("a"));
    assertThat(files.find("ALT.CSV")).contains(b("b"));
    assertThat(files.find("add.csv")).isEmpty();
    assertThat(files.names()).containsExactly("SDN.CSV", "Alt.csv");
    assertThatThrownBy(() -> files.require("add.csv"))
        .isInstanceOf(ListFormatException.class)
        .hasMessage("no file named add.csv among [SDN.CSV, Alt.csv]");
  }

  @Test
  void onlyIsTheOneFileOfASingleFileFormat() throws Exception {
    assertThat(ListFiles.of("whatever.xml", b("x")).only()).isEqualTo(b("x"));
    assertThatThrownBy(() -> ListFiles.of("a", b("x")).with("b", b("y")).only())
        .isInstanceOf(ListFormatException.class);
  }

  @Test
  void theBytesCannotBeChangedFromOutside() throws Exception {
    byte[] bytes = b("abc");
    ListFiles files = ListFiles.of("f", bytes);
    bytes[0] = 'X';
    files.only()[1] = 'Y';
    assertThat(files.only()).isEqualTo(b("abc"));
  }

  @Test
  void aFileOfTheSameNameIsReplaced() throws Exception {
    ListFiles files = ListFiles.of("sdn.csv", b("old")).with("SDN.CSV", b("new"));
    assertThat(files.names()).containsExactly("SDN.CSV");
    assertThat(files.require("sdn.csv")).isEqualTo(b("new"));
  }

  @Test
  void readsTheFilesOfADirectory(@TempDir Path dir) throws Exception {
    Files.write(dir.resolve("sdn.csv"), b("s"));
    Files.write(dir.resolve("alt.csv"), b("a"));
    Files.createDirectory(dir.resolve("old"));

    ListFiles files = ListFiles.fromDirectory(dir);

    assertThat(files.names()).containsExactly("alt.csv", "sdn.csv");
    assertThat(files.require("sdn.csv")).isEqualTo(b("s"));
  }
}
