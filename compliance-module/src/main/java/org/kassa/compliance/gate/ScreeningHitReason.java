package org.kassa.compliance.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A screening hit as the gate or a re-screening stored it in a reason line: {@code sanctions_hit
 * list=un entry=6908 score=0.912 list_sha256=3f9a0c1d2e4b}, {@code rescreening_hit ...} or {@code
 * whitelisted_hit ... wl=<id>}. The screened name is sealed and not in the case, so this is all
 * that explains a case's hit; the listed entry itself is looked up by list and entry id.
 *
 * @param rule the rule id
 * @param listId the list the entry is on
 * @param entryId the entry's id in that list
 * @param score the score the screening gave
 * @param listSha256 the first characters of the SHA-256 of the list file screened against; null for
 *     a whitelisted hit
 * @param whitelistingId the whitelisting that set the hit aside; null unless whitelisted
 */
public record ScreeningHitReason(
    String rule,
    String listId,
    String entryId,
    double score,
    String listSha256,
    String whitelistingId) {

  /** The rules whose reasons name a listed entry. */
  public static final List<String> RULES =
      List.of(Alert.SANCTIONS_HIT, "rescreening_hit", "whitelisted_hit");

  private static final Pattern FIELD = Pattern.compile("(\\w+)=(\\S+)");

  public ScreeningHitReason {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(listId, "listId");
    Objects.requireNonNull(entryId, "entryId");
  }

  /** The hit a reason line names, if it is a screening hit's and names list and entry. */
  public static Optional<ScreeningHitReason> parse(String reason) {
    if (reason == null || reason.isBlank()) {
      return Optional.empty();
    }
    String line = reason.strip();
    String rule = Alert.ruleOf(line);
    if (!RULES.contains(rule)) {
      return Optional.empty();
    }
    Map<String, String> fields = new TreeMap<>();
    Matcher m = FIELD.matcher(line.substring(rule.length()));
    while (m.find()) {
      fields.putIfAbsent(m.group(1), m.group(2));
    }
    if (!fields.containsKey("list") || !fields.containsKey("entry")) {
      return Optional.empty();
    }
    double score;
    try {
      score = Double.parseDouble(fields.getOrDefault("score", "NaN"));
    } catch (NumberFormatException e) {
      score = Double.NaN;
    }
    return Optional.of(
        new ScreeningHitReason(
            rule,
            fields.get("list"),
            fields.get("entry"),
            score,
            fields.get("list_sha256"),
            fields.get("wl")));
  }

  /**
   * The hits named in reasons joined by {@code "; "} (as a case's reasons are), each list entry
   * once, in order; a later line on the same entry (a re-screening) does not repeat it.
   */
  public static List<ScreeningHitReason> in(List<String> reasons) {
    List<ScreeningHitReason> hits = new ArrayList<>();
    for (String joined : reasons) {
      for (String line : joined.split("; ")) {
        parse(line)
            .filter(
                h ->
                    hits.stream()
                        .noneMatch(
                            known ->
                                known.listId().equals(h.listId())
                                    && known.entryId().equals(h.entryId())))
            .ifPresent(hits::add);
      }
    }
    return hits;
  }

  /** Whether an officer set it aside as a false positive. */
  public boolean whitelisted() {
    return whitelistingId != null;
  }

  /** The score as shown, e.g. {@code 0.912}. */
  public String scoreText() {
    return Double.isNaN(score) ? "?" : String.format(Locale.ROOT, "%.3f", score);
  }
}
