package org.kassa.compliance.aml.lists;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BirthDatesTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "12 Feb 1960 | 1960-02-12",
        "04 Sep 1957. | 1957-09-04",
        "Feb 1960 | 1960-02",
        "1960 | 1960",
        "circa 1960 | circa 1960",
        "circa 07 Jul 1966 | circa 1966-07-07",
        "1958 to 1960 | 1958 to 1960",
        "01 Jan 1961 to 31 Dec 1962 | 1961-01-01 to 1962-12-31",
        "Mar 1962 to Feb 1963 | 1962-03 to 1963-02",
        "05 October 1960 | 1960-10-05",
        // not a date, or not a form OFAC writes: as written
        "31 Feb 1960 | 31 Feb 1960",
        "circa-1951 | circa-1951",
        "circa 1979-1982 | circa 1979-1982",
        "12 Febr 1960 | 12 Febr 1960"
      })
  void ofacDates(String written, String normalized) {
    assertThat(BirthDates.ofOfac(written)).isEqualTo(normalized);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "28/09/1955 | 1955-09-28",
        "00/04/1984 | 1984-04",
        "10/00/1983 | 1983",
        "00/00/1936 | 1936",
        "31/02/1960 | 31/02/1960",
        "1960 | 1960"
      })
  void slashedDates(String written, String normalized) {
    assertThat(BirthDates.ofSlashed(written)).isEqualTo(normalized);
  }

  @ParameterizedTest
  @CsvSource({"00/00/0000", "''"})
  void nothingKnownIsNothing(String written) {
    assertThat(BirthDates.ofSlashed(written)).isEmpty();
  }
}
