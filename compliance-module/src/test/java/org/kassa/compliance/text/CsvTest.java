package org.kassa.compliance.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvTest {

  @Test
  void splitsPlainAndQuotedCells() {
    assertThat(Csv.split("4000000000000341,visa,\"attaching succeeds, charges fail\",True"))
        .containsExactly("4000000000000341", "visa", "attaching succeeds, charges fail", "True");
  }

  @Test
  void keepsEmptyCellsAndDoubledQuotes() {
    assertThat(Csv.split("a,,\"say \"\"hi\"\"\",")).containsExactly("a", "", "say \"hi\"", "");
  }
}
