package org.kassa.compliance.aml.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.kassa.compliance.aml.EntryType;
import org.kassa.compliance.aml.Identifier;
import org.kassa.compliance.aml.ListFiles;
import org.kassa.compliance.aml.ListFormatException;
import org.kassa.compliance.aml.ListedEntry;
import org.kassa.compliance.aml.SanctionsList;
import org.kassa.compliance.text.Sha256;

class InternalWatchlistCsvTest {

  private static SanctionsList read(String csv) throws ListFormatException {
    return new InternalWatchlistCsv("fraud-ring")
        .read(ListFiles.of("list.csv", csv.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void readsEntriesWithAliasesCountriesAndIdentifiers() throws Exception {
    String csv =
        "name,aliases,type,country,identifiers\n"
            + "Ivan Petrov,Иван Петров;I. Petrov,person,RU;CY,passport:AB1234567\n"
            + "\"Blue Star Shipping, Ltd\",,organization,PA,\n"
            + "Sea Queen,,vessel,,imo:9123456\n";
    SanctionsList list = read(csv);
    assertThat(list.listId()).isEqualTo("internal-fraud-ring");
    assertThat(list.size()).isEqualTo(3);
    assertThat(list.sha256()).isEqualTo(Sha256.hex(csv.getBytes(StandardCharsets.UTF_8)));
    ListedEntry ivan = list.entries().get(0);
    assertThat(ivan.entryId()).isEqualTo("1");
    assertThat(ivan.type()).isEqualTo(EntryType.PERSON);
    assertThat(ivan.aliases()).containsExactly("Иван Петров", "I. Petrov");
    assertThat(ivan.countries()).containsExactly("RU", "CY");
    assertThat(ivan.identifiers()).containsExactly(new Identifier("passport", "AB1234567", null));
    assertThat(list.entries().get(1).name()).isEqualTo("Blue Star Shipping, Ltd");
    assertThat(list.entries().get(2).identifiers().get(0).type()).isEqualTo("imo");
  }

  @Test
  void anIdColumnGivesStableIdsAndARepeatedOneIsRefused() throws Exception {
    SanctionsList list = read("id,name,aliases,type,country,identifiers\nK-7,Mallory,,person,,\n");
    assertThat(list.entries().get(0).entryId()).isEqualTo("K-7");
    assertThatThrownBy(
            () -> read("id,name,aliases,type,country,identifiers\nK-7,A,,,,\nK-7,B,,,,\n"))
        .isInstanceOf(ListFormatException.class)
        .hasMessageContaining("repeated");
  }

  @Test
  void aBadRowRefusesTheWholeFileNamingIt() {
    assertThatThrownBy(
            () -> read("name,aliases,type,country,identifiers\nA,,person,,\nB,,planet,,\n"))
        .isInstanceOf(ListFormatException.class)
        .hasMessageContaining("row 2");
    assertThatThrownBy(() -> read("name,aliases,type,country,identifiers\nA,,person,,passport\n"))
        .hasMessageContaining("type:value");
    assertThatThrownBy(() -> read("name,type\nA,person\n")).hasMessageContaining("aliases");
    assertThatThrownBy(() -> read("")).hasMessageContaining("empty");
    assertThatThrownBy(
            () ->
                new InternalWatchlistCsv("x")
                    .read(ListFiles.of("l.csv", new byte[] {(byte) 0xff, (byte) 0xfe, 0x41})))
        .hasMessageContaining("UTF-8");
    assertThatThrownBy(() -> new InternalWatchlistCsv("Bad Name"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
