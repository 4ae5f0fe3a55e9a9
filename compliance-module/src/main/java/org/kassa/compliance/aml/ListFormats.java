package org.kassa.compliance.aml;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.kassa.compliance.aml.lists.EuFsfXmlFormat;
import org.kassa.compliance.aml.lists.InternalWatchlistCsv;
import org.kassa.compliance.aml.lists.OfacCsvFormat;
import org.kassa.compliance.aml.lists.OfacSdnXmlFormat;
import org.kassa.compliance.aml.lists.UkOfsiCsvFormat;
import org.kassa.compliance.aml.lists.UnXmlFormat;

/**
 * The official formats Kassa reads, by the id configuration and the drop folder use: {@code
 * ofac-sdn-csv}, {@code ofac-cons-csv}, {@code ofac-sdn-xml}, {@code un-xml}, {@code eu-fsf-xml},
 * {@code uk-ofsi-csv}; and {@code internal-<name>} for an operator's own watchlist.
 */
public final class ListFormats {

  private static final Map<String, ListFormat> OFFICIAL = new LinkedHashMap<>();

  static {
    OFFICIAL.put("ofac-sdn-csv", OfacCsvFormat.sdn());
    OFFICIAL.put("ofac-cons-csv", OfacCsvFormat.consolidated());
    OFFICIAL.put("ofac-sdn-xml", OfacSdnXmlFormat.strict());
    OFFICIAL.put("un-xml", new UnXmlFormat());
    OFFICIAL.put("eu-fsf-xml", new EuFsfXmlFormat());
    OFFICIAL.put("uk-ofsi-csv", new UkOfsiCsvFormat());
  }

  private ListFormats() {}

  /** The format of that id, if Kassa reads it. */
  public static Optional<ListFormat> find(String formatId) {
    if (formatId != null && formatId.startsWith("internal-")) {
      String name = formatId.substring("internal-".length());
      return InternalWatchlistCsv.NAME.matcher(name).matches()
          ? Optional.of(new InternalWatchlistCsv(name))
          : Optional.empty();
    }
    return Optional.ofNullable(OFFICIAL.get(formatId));
  }

  /** The official formats' ids. */
  public static java.util.Set<String> officialIds() {
    return OFFICIAL.keySet();
  }
}
