package org.kassa.payment.webhook;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The event types an endpoint subscribes to: {@code *} for every type, exact types such as {@code
 * payment.captured}, or a family such as {@code payment.*}. Stored as one column, sorted and
 * comma-separated.
 */
public final class EventTypes {

  /** An event type: lower-case dotted words, e.g. {@code payment.captured}. */
  public static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");

  /** The most types one endpoint may list. */
  public static final int MAX_TYPES = 50;

  static final String ALL = "*";
  private static final int MAX_TYPE_LENGTH = 100;
  private static final int MAX_COLUMN_LENGTH = 2000; // webhook_endpoint.event_types
  private static final Pattern FAMILY =
      Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*\\.\\*");

  private final Set<String> patterns;

  private EventTypes(Set<String> patterns) {
    this.patterns = patterns;
  }

  /** Every event type. */
  public static EventTypes all() {
    return new EventTypes(Set.of(ALL));
  }

  /**
   * The subscription a merchant asked for.
   *
   * @return the subscription, or what is wrong with the list, to show the merchant
   */
  public static Result parse(Collection<String> requested) {
    if (requested == null || requested.isEmpty()) {
      return Result.invalid("must list at least one event type, or \"*\" for all");
    }
    if (requested.size() > MAX_TYPES) {
      return Result.invalid("must list at most " + MAX_TYPES + " event types");
    }
    TreeSet<String> patterns = new TreeSet<>();
    for (String raw : requested) {
      String type = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
      if (type.equals(ALL)) {
        return Result.valid(all());
      }
      if (type.length() > MAX_TYPE_LENGTH
          || !(TYPE.matcher(type).matches() || FAMILY.matcher(type).matches())) {
        return Result.invalid(
            "\""
                + abbreviate(raw)
                + "\" is not an event type such as payment.captured, a family such as payment.*,"
                + " or \"*\"");
      }
      patterns.add(type);
    }
    EventTypes types = new EventTypes(Set.copyOf(patterns));
    if (types.toColumn().length() > MAX_COLUMN_LENGTH) {
      return Result.invalid("must fit in " + MAX_COLUMN_LENGTH + " characters, commas included");
    }
    return Result.valid(types);
  }

  /** Reads the stored column. */
  static EventTypes fromColumn(String column) {
    TreeSet<String> patterns = new TreeSet<>(List.of(column.split(",")));
    return patterns.contains(ALL) ? all() : new EventTypes(Set.copyOf(patterns));
  }

  /** The stored column: {@code *}, or the sorted patterns separated by commas. */
  String toColumn() {
    return String.join(",", new TreeSet<>(patterns));
  }

  /** Whether an event of {@code type} goes to a subscriber of these types. */
  public boolean matches(String type) {
    if (patterns.contains(ALL) || patterns.contains(type)) {
      return true;
    }
    for (String pattern : patterns) {
      if (pattern.endsWith(".*") && type.startsWith(pattern.substring(0, pattern.length() - 1))) {
        return true;
      }
    }
    return false;
  }

  /** The subscribed types and families, sorted; {@code ["*"]} for every type. */
  public List<String> asList() {
    return new ArrayList<>(new TreeSet<>(patterns));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EventTypes other && patterns.equals(other.patterns);
  }

  @Override
  public int hashCode() {
    return patterns.hashCode();
  }

  @Override
  public String toString() {
    return toColumn();
  }

  private static String abbreviate(String raw) {
    String text = String.valueOf(raw);
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }

  /** A parsed subscription, or why the request was refused. */
  public record Result(EventTypes types, String error) {
    static Result valid(EventTypes types) {
      return new Result(types, null);
    }

    static Result invalid(String error) {
      return new Result(null, error);
    }

    public Optional<String> problem() {
      return Optional.ofNullable(error);
    }
  }
}
