package org.kassa.compliance.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

  @Test
  void quotesOnlyTheCellsThatNeedIt() {
    assertThat(CsvWriter.cell("payment.captured")).isEqualTo("payment.captured");
    assertThat(CsvWriter.cell("a,b")).isEqualTo("\"a,b\"");
    assertThat(CsvWriter.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(CsvWriter.cell("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(CsvWriter.cell("cr\ronly")).isEqualTo("\"cr\ronly\"");
    assertThat(CsvWriter.cell(" padded ")).isEqualTo("\" padded \"");
    assertThat(CsvWriter.cell("")).isEmpty();
    assertThat(CsvWriter.cell(null)).isEmpty();
  }

  @Test
  void recordsEndWithCrlf() {
    assertThat(new CsvWriter().row("seq", "action").row("1", "a,b").toString())
        .isEqualTo("seq,action\r\n1,\"a,b\"\r\n");
  }

  @Test
  void theReaderReadsBackExactlyWhatWasWritten() {
    List<List<String>> records =
        List.of(
            List.of("seq", "detail", "empty"),
            List.of("1", "list=un entry=6908 score=0.912", ""),
            List.of("2", "reason: \"odd\", with comma", "x"),
            List.of("3", "line one\r\nline two\nthree", " lead"),
            List.of("4", "\"", ","));
    CsvWriter writer = new CsvWriter();
    records.forEach(writer::row);

    List<Csv.Row> read = Csv.rows(writer.toString());

    assertThat(read).extracting(Csv.Row::cells).containsExactlyElementsOf(records);
    assertThat(read).allMatch(Csv.Row::terminated);
  }

  @Test
  void aCellASpreadsheetWouldRunAsAFormulaIsWrittenAsText() {
    assertThat(CsvWriter.cell("=HYPERLINK(\"http://x\")"))
        .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
    assertThat(CsvWriter.cell("+1+1")).isEqualTo("'+1+1");
    assertThat(CsvWriter.cell("-2+3")).isEqualTo("'-2+3");
    assertThat(CsvWriter.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(CsvWriter.cell("\tcmd")).isEqualTo("'\tcmd");
    assertThat(CsvWriter.cell("\rcmd")).isEqualTo("\"'\rcmd\"");
  }

  @Test
  void plainNumbersAndOrdinaryTextStayAsTheyAre() {
    assertThat(CsvWriter.cell("-12.50")).isEqualTo("-12.50");
    assertThat(CsvWriter.cell("+42")).isEqualTo("+42");
    assertThat(CsvWriter.cell("a=b")).isEqualTo("a=b");
    assertThat(CsvWriter.cell("officer:ab12")).isEqualTo("officer:ab12");
  }

  @Test
  void aNullCellIsWrittenEmpty() {
    assertThat(new CsvWriter().row(Arrays.asList("a", null, "c")).toString()).isEqualTo("a,,c\r\n");
  }
}
