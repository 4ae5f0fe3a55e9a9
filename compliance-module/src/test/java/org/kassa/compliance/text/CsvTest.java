package org.kassa.compliance.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
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

  @Test
  void rowsEndAtCrlfOrLfAndQuotedLineBreaksStayInTheCell() {
    List<Csv.Row> rows = Csv.rows("a,\"b\r\nc\",d\r\ne,f\ng,\"h,\"\"i\"\"\"\n");
    assertThat(rows)
        .containsExactly(
            new Csv.Row(1, List.of("a", "b\r\nc", "d"), true),
            new Csv.Row(3, List.of("e", "f"), true),
            new Csv.Row(4, List.of("g", "h,\"i\""), true));
  }

  @Test
  void aLastLineWithoutLineBreakIsReportedUnterminated() {
    assertThat(Csv.rows("a,b\r\nc,d"))
        .containsExactly(
            new Csv.Row(1, List.of("a", "b"), true), new Csv.Row(2, List.of("c", "d"), false));
    assertThat(Csv.rows("")).isEmpty();
  }

  @Test
  void aQuoteLeftOpenAtTheEndIsRefused() {
    assertThatThrownBy(() -> Csv.rows("a,b\r\n1,\"cut sho"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 2");
  }

  @Test
  void aLoneCarriageReturnIsCellText() {
    assertThat(Csv.rows("a\rb,c\n")).containsExactly(new Csv.Row(1, List.of("a\rb", "c"), true));
  }
}
