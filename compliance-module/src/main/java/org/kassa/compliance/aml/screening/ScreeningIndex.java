package org.kassa.compliance.aml.screening;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.kassa.compliance.aml.Identifier;
import org.kassa.compliance.aml.ListedEntry;
import org.kassa.compliance.aml.SanctionsList;

/**
 * The names and identifiers of any number of sanctions lists, indexed for screening. Immutable once
 * built and safe to share between threads: a list refresh builds a new index and swaps it into
 * {@link Screening}.
 *
 * <p>Every name and alias is normalized with the entry's type and filed under the blocking keys of
 * its tokens, so that a query is scored only against names sharing a key with it. A token gives up
 * to three keys:
 *
 * <ul>
 *   <li>its first three letters (two letters or more), which survive a typo or a different spelling
 *       after them;
 *   <li>its consonant skeleton (vowels, {@code y} and {@code w} dropped, doubled letters once, at
 *       least two letters), which survives different vowels ({@code HUSSEIN}, {@code HUSAYN},
 *       {@code HOSSEIN}), doubled letters, and names transliterated from Arabic script, where short
 *       vowels are not written ({@code حسين} is {@code hsyn}). A phonetic code such as Soundex or
 *       Metaphone keeps the first letter and encodes English spelling; the skeleton does not depend
 *       on the first letter's vowel ({@code UMAR}, {@code OMAR} and {@code ʿmr} agree) and needs no
 *       language rules;
 *   <li>its last three letters (five letters or more), for the typo in the first three letters that
 *       the other two keys miss.
 * </ul>
 *
 * A key filed under more than {@link #BLOCK_CAP_FRACTION} of the names ({@code al}, {@code muh}) is
 * not used when the query has a more selective one: such a token alone cannot make a match. The
 * quality tests measure how often the expected entry is not among the candidates, and compare the
 * answers with {@link Screening#searchExhaustive}, which scores every name.
 *
 * <p>Identifiers are kept in an exact map, upper case without spaces or punctuation.
 */
public final class ScreeningIndex {

  /** A blocking key filed under more than this fraction of names is a fallback only. */
  static final double BLOCK_CAP_FRACTION = 0.05;

  /** The cap never goes below this many names, so that small lists block on every key. */
  static final int MIN_BLOCK_CAP = 200;

  /** Identifiers shorter than this (after normalization) are too common to decide a match. */
  static final int MIN_IDENTIFIER_LENGTH = 4;

  private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern IMO_PREFIX = Pattern.compile("^IMO(?=\\d{7}$)");

  private final NameNormalizer normalizer;
  private final List<ListInfo> lists;
  private final ListedEntry[] entries;
  private final ListInfo[] entryList;
  private final int[] firstName;
  private final PreparedName[] names;
  private final boolean[] alias;
  private final int[] nameEntry;
  private final Map<String, int[]> postings;
  private final Map<String, int[]> identifiers;
  private final Map<String, Integer> byListEntry;
  private final Map<String, Integer> documentFrequency;
  private final int blockCap;
  private final double unknownTokenWeight;

  private ScreeningIndex(Collection<SanctionsList> sources, NameNormalizer normalizer) {
    this.normalizer = normalizer;
    List<ListInfo> infos = new ArrayList<>();
    List<ListedEntry> allEntries = new ArrayList<>();
    List<ListInfo> owners = new ArrayList<>();
    for (SanctionsList list : sources) {
      ListInfo info = ListInfo.of(list);
      infos.add(info);
      for (ListedEntry entry : list.entries()) {
        allEntries.add(entry);
        owners.add(info);
      }
    }
    lists = List.copyOf(infos);
    entries = allEntries.toArray(new ListedEntry[0]);
    entryList = owners.toArray(new ListInfo[0]);

    // Normalize every name once, in each of its variants (compounds apart and joined); a form
    // equal to an earlier one of the same entry adds nothing.
    List<NormalizedName> normalized = new ArrayList<>();
    List<Boolean> isAlias = new ArrayList<>();
    List<Integer> owner = new ArrayList<>();
    firstName = new int[entries.length + 1];
    Map<String, Integer> frequency = new HashMap<>();
    for (int e = 0; e < entries.length; e++) {
      firstName[e] = normalized.size();
      Set<String> seen = new LinkedHashSet<>();
      List<String> written = entries[e].allNames();
      for (int k = 0; k < written.size(); k++) {
        Set<String> tokens = new HashSet<>();
        for (NormalizedName name : normalizer.variants(written.get(k), entries[e].type())) {
          if (name.isEmpty() || !seen.add(name.text())) {
            continue;
          }
          normalized.add(name);
          isAlias.add(k > 0);
          owner.add(e);
          name.tokens().forEach(t -> tokens.add(t.text()));
        }
        tokens.forEach(t -> frequency.merge(t, 1, Integer::sum));
      }
    }
    firstName[entries.length] = normalized.size();
    documentFrequency = Map.copyOf(frequency);
    int count = normalized.size();
    blockCap = Math.max(MIN_BLOCK_CAP, (int) (BLOCK_CAP_FRACTION * count));

    names = new PreparedName[count];
    double sum = 0;
    long occurrences = 0;
    for (NormalizedName name : normalized) {
      for (NameToken token : name.tokens()) {
        sum += weightOf(frequency.get(token.text()));
        occurrences++;
      }
    }
    unknownTokenWeight = occurrences == 0 ? 1.0 : sum / occurrences;
    alias = new boolean[count];
    nameEntry = new int[count];
    Map<String, List<Integer>> keyed = new HashMap<>();
    for (int id = 0; id < count; id++) {
      names[id] = new PreparedName(normalized.get(id), this::weight);
      alias[id] = isAlias.get(id);
      nameEntry[id] = owner.get(id);
      for (String key : blockingKeys(names[id])) {
        keyed.computeIfAbsent(key, k -> new ArrayList<>()).add(id);
      }
    }
    postings = toArrays(keyed);

    Map<String, List<Integer>> byIdentifier = new HashMap<>();
    for (int e = 0; e < entries.length; e++) {
      for (Identifier identifier : entries[e].identifiers()) {
        String value = normalizeIdentifier(identifier.value());
        if (value.length() >= MIN_IDENTIFIER_LENGTH) {
          List<Integer> owners2 = byIdentifier.computeIfAbsent(value, k -> new ArrayList<>());
          if (owners2.isEmpty() || owners2.get(owners2.size() - 1) != e) {
            owners2.add(e);
          }
        }
      }
    }
    identifiers = toArrays(byIdentifier);

    Map<String, Integer> listEntries = new HashMap<>();
    for (int e = 0; e < entries.length; e++) {
      listEntries.putIfAbsent(listEntryKey(entries[e].listId(), entries[e].entryId()), e);
    }
    byListEntry = Map.copyOf(listEntries);
  }

  private static String listEntryKey(String listId, String entryId) {
    return listId + '\u0000' + entryId;
  }

  /** The entry {@code entryId} of list {@code listId}, if it is indexed. */
  public Optional<ListedEntry> find(String listId, String entryId) {
    if (listId == null || entryId == null) {
      return Optional.empty();
    }
    Integer e = byListEntry.get(listEntryKey(listId, entryId));
    return e == null ? Optional.empty() : Optional.of(entries[e]);
  }

  /** An index of {@code lists}, with the standard normalizer. */
  public static ScreeningIndex build(Collection<SanctionsList> lists) {
    return new ScreeningIndex(List.copyOf(lists), new NameNormalizer());
  }

  /** An index of {@code lists}, with the standard normalizer. */
  public static ScreeningIndex of(SanctionsList... lists) {
    return build(List.of(lists));
  }

  /** The lists indexed, in the order given. */
  public List<ListInfo> lists() {
    return lists;
  }

  public int entryCount() {
    return entries.length;
  }

  /** Distinct normalized names (primary names and aliases) indexed. */
  public int nameCount() {
    return names.length;
  }

  /** Distinct blocking keys. */
  public int keyCount() {
    return postings.size();
  }

  /** Identifiers, upper case, letters and digits only; {@code IMO 9187629} is {@code 9187629}. */
  public static String normalizeIdentifier(String value) {
    String plain = NOT_ALPHANUMERIC.matcher(value.toUpperCase(Locale.ROOT)).replaceAll("");
    return IMO_PREFIX.matcher(plain).replaceFirst("");
  }

  // ---- used by Screening ----

  NameNormalizer normalizer() {
    return normalizer;
  }

  ListedEntry entry(int e) {
    return entries[e];
  }

  ListInfo listOf(int e) {
    return entryList[e];
  }

  int entryOfName(int id) {
    return nameEntry[id];
  }

  PreparedName name(int id) {
    return names[id];
  }

  boolean isAlias(int id) {
    return alias[id];
  }

  int firstNameOf(int e) {
    return firstName[e];
  }

  int endNameOf(int e) {
    return firstName[e + 1];
  }

  /** Entries holding this identifier (normalized), ascending. */
  int[] entriesWithIdentifier(String normalizedValue) {
    return identifiers.getOrDefault(normalizedValue, new int[0]);
  }

  /** A query's name, prepared for one search (it caches token similarities). */
  PreparedName prepareQuery(NormalizedName name) {
    return new PreparedName(name, this::weight, true);
  }

  /**
   * The ids of the names sharing a blocking key with {@code query}. Keys filed under more names
   * than the cap are left out unless the query has no other key, then the smallest one is used.
   */
  BitSet candidates(List<PreparedName> query) {
    Set<String> keys = new LinkedHashSet<>();
    query.forEach(variant -> keys.addAll(blockingKeys(variant)));
    BitSet out = new BitSet(names.length);
    int[] smallestOverCap = null;
    boolean any = false;
    for (String key : keys) {
      int[] ids = postings.get(key);
      if (ids == null) {
        continue;
      }
      if (ids.length <= blockCap) {
        any = true;
        for (int id : ids) {
          out.set(id);
        }
      } else if (smallestOverCap == null || ids.length < smallestOverCap.length) {
        smallestOverCap = ids;
      }
    }
    if (!any && smallestOverCap != null) {
      for (int id : smallestOverCap) {
        out.set(id);
      }
    }
    return out;
  }

  /**
   * How much a token weighs: 1 + ln(names / (1 + names containing it)), at least 1; a token no
   * listed name contains (a typo, a transliteration) weighs as much as the average listed token.
   */
  double weight(String token) {
    Integer frequency = documentFrequency.get(token);
    return frequency == null ? unknownTokenWeight : weightOf(frequency);
  }

  private double weightOf(int frequency) {
    return Math.max(1.0, 1.0 + Math.log((double) Math.max(names.length, 1) / (1 + frequency)));
  }

  static Set<String> blockingKeys(PreparedName name) {
    Set<String> keys = new LinkedHashSet<>();
    for (int i = 0; i < name.size(); i++) {
      String token = name.text[i];
      if (token.length() >= 2) {
        keys.add("p:" + token.substring(0, Math.min(3, token.length())));
      }
      if (name.skeleton[i].length() >= 2) {
        keys.add("s:" + name.skeleton[i]);
      }
      if (token.length() >= 5) {
        keys.add("x:" + token.substring(token.length() - 3));
      }
    }
    return keys;
  }

  private static Map<String, int[]> toArrays(Map<String, List<Integer>> lists) {
    Map<String, int[]> out = new HashMap<>(lists.size() * 2);
    lists.forEach((k, v) -> out.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
    return out;
  }
}
