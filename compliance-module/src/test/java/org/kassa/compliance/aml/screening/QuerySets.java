package org.kassa.compliance.aml.screening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.kassa.compliance.aml.EntryType;
import org.kassa.compliance.aml.ListedEntry;
import org.kassa.compliance.aml.SanctionsList;

/**
 * Query sets built from the real lists, each query knowing the entry it must find, and a set of
 * common names that are not listed. Seeded: the same sets every run.
 */
final class QuerySets {

  /** How a query was made from its entry. */
  enum Kind {
    REORDERED,
    ALIAS,
    TRANSLITERATED,
    TYPO,
    MISSING_MIDDLE_NAME,
    LEGAL_FORM
  }

  /** A query and the entry it must find. */
  record Labeled(Kind kind, String name, EntryType type, String listId, String entryId) {}

  private static final Pattern WORDS = Pattern.compile("[\\s,]+");
  private static final Set<String> PARTICLES =
      Set.of("al", "el", "bin", "ibn", "bint", "abu", "abd", "de", "da", "del", "la", "van", "von");
  private static final List<String> LEGAL_FORMS =
      List.of("LTD", "LIMITED", "LLC", "CO., LTD.", "INC.", "S.A.", "GMBH", "JSC", "OOO", "CORP.");
  private static final Pattern LEGAL_FORM_AT_END =
      Pattern.compile(
          "(?i)[ ,]+(CO\\.?,? LTD\\.?|LTD\\.?|LIMITED|LLC|L\\.L\\.C\\.|INC\\.?|S\\.A\\.?|SA|GMBH|JSC"
              + "|OJSC|CJSC|PJSC|CORP\\.?|CORPORATION|COMPANY|CO\\.?)$");

  private final Random random;

  QuerySets(long seed) {
    random = new Random(seed);
  }

  /**
   * {@code perKind} queries of each kind built from {@code lists}, plus one per name in original
   * script that the UN list gives ({@code originalScript}: entry id to names).
   */
  List<Labeled> build(
      List<SanctionsList> lists, Map<String, List<String>> originalScript, int perKind) {
    List<ListedEntry> persons = new ArrayList<>();
    List<ListedEntry> organizations = new ArrayList<>();
    List<ListedEntry> withAlias = new ArrayList<>();
    for (SanctionsList list : lists) {
      for (ListedEntry e : list.entries()) {
        if (e.type() == EntryType.PERSON) {
          persons.add(e);
        } else if (e.type() == EntryType.ORGANIZATION) {
          organizations.add(e);
        }
        if (!e.aliases().isEmpty() && e.type() != EntryType.VESSEL) {
          withAlias.add(e);
        }
      }
    }
    List<Labeled> out = new ArrayList<>();
    out.addAll(take(perKind, persons, this::reordered, Kind.REORDERED));
    out.addAll(take(perKind, withAlias, this::alias, Kind.ALIAS));
    List<ListedEntry> both = new ArrayList<>(persons);
    both.addAll(organizations);
    out.addAll(take(perKind, both, e -> typo(e.name()), Kind.TYPO));
    out.addAll(take(perKind, persons, this::missingMiddle, Kind.MISSING_MIDDLE_NAME));
    out.addAll(take(perKind, organizations, this::legalForm, Kind.LEGAL_FORM));
    for (SanctionsList list : lists) {
      for (ListedEntry e : list.entries()) {
        for (String script : originalScript.getOrDefault(e.entryId(), List.of())) {
          if (list.listId().equals("un")) {
            out.add(
                new Labeled(
                    Kind.TRANSLITERATED,
                    script,
                    typeOrNull(e, out.size()),
                    e.listId(),
                    e.entryId()));
          }
        }
      }
    }
    return out;
  }

  private interface Maker {
    String make(ListedEntry entry);
  }

  private List<Labeled> take(int count, List<ListedEntry> pool, Maker maker, Kind kind) {
    List<ListedEntry> shuffled = new ArrayList<>(pool);
    Collections.shuffle(shuffled, random);
    List<Labeled> out = new ArrayList<>();
    for (ListedEntry e : shuffled) {
      if (out.size() == count) {
        break;
      }
      String name = maker.make(e);
      if (name != null && !name.isBlank()) {
        out.add(new Labeled(kind, name, typeOrNull(e, out.size()), e.listId(), e.entryId()));
      }
    }
    return out;
  }

  /** Every other query says its type; the rest leave it to the matcher. */
  private static EntryType typeOrNull(ListedEntry e, int i) {
    return i % 2 == 0 ? e.type() : null;
  }

  /** "NORIEGA, Manuel Antonio" as "Manuel Antonio NORIEGA"; "ERIC BADEGE" as "BADEGE ERIC". */
  private String reordered(ListedEntry e) {
    String name = e.name();
    int comma = name.indexOf(", ");
    if (comma > 0) {
      return name.substring(comma + 2) + " " + name.substring(0, comma);
    }
    List<String> words = words(name);
    if (words.size() < 2 || inCompound(words, words.size() - 1)) {
      return null;
    }
    Collections.rotate(words, 1);
    return String.join(" ", words);
  }

  /**
   * Whether the word at {@code i} belongs to a compound with its left neighbour (ABDUL GHANI, SAIF
   * AL-DIN, KHAYR ALLAH): a person reorders names, not the parts of one.
   */
  private static boolean inCompound(List<String> words, int i) {
    String word = bare(words.get(i));
    String before = i > 0 ? bare(words.get(i - 1)) : "";
    return NameNormalizer.ABD.contains(before)
        || NameNormalizer.ARTICLES.contains(before)
        || NameNormalizer.ALLAH.contains(word)
        || NameNormalizer.JOINED_DIN.contains(word)
        || before.startsWith("abd")
        || word.startsWith("al-")
        || before.endsWith("-al");
  }

  private static String bare(String word) {
    return word.toLowerCase(Locale.ROOT).replaceAll("[^a-z-]", "");
  }

  /** An alias in mixed case, as a person would type it. */
  private String alias(ListedEntry e) {
    String alias = e.aliases().get(random.nextInt(e.aliases().size()));
    return titleCase(alias);
  }

  /** One or two letters substituted, deleted, inserted or swapped in words of four or more. */
  String typo(String name) {
    List<String> words = words(name);
    List<Integer> editable = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      if (words.get(i).length() >= 4 && words.get(i).chars().allMatch(Character::isLetter)) {
        editable.add(i);
      }
    }
    if (editable.isEmpty()) {
      return null;
    }
    int edits = 1 + random.nextInt(2);
    for (int k = 0; k < edits; k++) {
      int w = editable.get(random.nextInt(editable.size()));
      words.set(w, edit(words.get(w)));
    }
    return String.join(" ", words);
  }

  private String edit(String word) {
    StringBuilder b = new StringBuilder(word);
    // Keep the first letter: typists rarely get it wrong, and it keeps the test about typos.
    int at = 1 + random.nextInt(b.length() - 1);
    char letter = (char) ('A' + random.nextInt(26));
    switch (random.nextInt(4)) {
      case 0:
        b.setCharAt(at, letter);
        break;
      case 1:
        b.deleteCharAt(at);
        break;
      case 2:
        b.insert(at, letter);
        break;
      default:
        if (at + 1 < b.length()) {
          char c = b.charAt(at);
          b.setCharAt(at, b.charAt(at + 1));
          b.setCharAt(at + 1, c);
        } else {
          b.setCharAt(at, letter);
        }
    }
    return b.toString();
  }

  /** A person's name without one of its middle words (not a particle such as AL). */
  private String missingMiddle(ListedEntry e) {
    String name = e.name();
    int comma = name.indexOf(", ");
    List<String> words =
        comma > 0 ? words(name.substring(comma + 2) + " " + name.substring(0, comma)) : words(name);
    List<Integer> middle = new ArrayList<>();
    for (int i = 1; i < words.size() - 1; i++) {
      String w = bare(words.get(i));
      if (w.length() >= 3
          && !PARTICLES.contains(w)
          && !inCompound(words, i)
          && !inCompound(words, i + 1)) {
        middle.add(i);
      }
    }
    if (words.size() < 3 || middle.isEmpty()) {
      return null;
    }
    words.remove((int) middle.get(random.nextInt(middle.size())));
    return String.join(" ", words);
  }

  /** An organization's name with its legal form swapped for another, or one added. */
  private String legalForm(ListedEntry e) {
    String name = e.name();
    String other = LEGAL_FORMS.get(random.nextInt(LEGAL_FORMS.size()));
    var m = LEGAL_FORM_AT_END.matcher(name);
    if (m.find()) {
      return name.substring(0, m.start()) + " " + other;
    }
    return words(name).size() >= 2 ? name + " " + other : null;
  }

  // ---- names that must not match ----

  /** Frequent given names and family names: Western, Arabic, Chinese (pinyin). */
  static final List<String> WESTERN_GIVEN =
      List.of(
          "James",
          "John",
          "Robert",
          "Michael",
          "William",
          "David",
          "Richard",
          "Joseph",
          "Thomas",
          "Charles",
          "Mary",
          "Patricia",
          "Jennifer",
          "Linda",
          "Elizabeth",
          "Barbara",
          "Susan",
          "Jessica",
          "Sarah",
          "Karen",
          "Peter",
          "Anna",
          "Laura",
          "Emma",
          "Olivia",
          "Lucas",
          "Sophie",
          "Hans",
          "Pierre",
          "Marie",
          "Giulia",
          "Marco",
          "Carmen",
          "Javier",
          "Isabel");

  static final List<String> WESTERN_FAMILY =
      List.of(
          "Smith",
          "Johnson",
          "Williams",
          "Brown",
          "Jones",
          "Miller",
          "Davis",
          "Wilson",
          "Anderson",
          "Taylor",
          "Thomas",
          "Moore",
          "Martin",
          "Jackson",
          "Thompson",
          "White",
          "Harris",
          "Clark",
          "Lewis",
          "Walker",
          "Muller",
          "Schmidt",
          "Schneider",
          "Fischer",
          "Weber",
          "Dubois",
          "Lefebvre",
          "Rossi",
          "Bianchi",
          "Romano",
          "Garcia",
          "Fernandez",
          "Lopez",
          "Martinez",
          "Jansen");
  static final List<String> ARABIC_GIVEN =
      List.of(
          "Mohammed",
          "Ahmed",
          "Ali",
          "Omar",
          "Youssef",
          "Ibrahim",
          "Khalid",
          "Hassan",
          "Hussein",
          "Mahmoud",
          "Mustafa",
          "Tariq",
          "Karim",
          "Samir",
          "Nabil",
          "Walid",
          "Faisal",
          "Hamza",
          "Bilal",
          "Rami",
          "Fatima",
          "Aisha",
          "Maryam",
          "Zainab",
          "Layla",
          "Nour",
          "Huda",
          "Amina",
          "Salma",
          "Rania",
          "Yasmin",
          "Hana",
          "Dina",
          "Mona",
          "Sara");
  static final List<String> ARABIC_FAMILY =
      List.of(
          "Haddad",
          "Khoury",
          "Nasser",
          "Mansour",
          "Saleh",
          "Hamdan",
          "Aziz",
          "Farouk",
          "Jaber",
          "Khalil",
          "Najjar",
          "Qureshi",
          "Rahman",
          "Sabbagh",
          "Shami",
          "Suleiman",
          "Tahan",
          "Yassin",
          "Zayed",
          "Darwish",
          "Bakri",
          "Ghanem",
          "Habib",
          "Issa",
          "Kassem",
          "Masri",
          "Nassar",
          "Othman",
          "Rashed",
          "Sayegh");
  static final List<String> CHINESE_GIVEN =
      List.of(
          "Wei", "Fang", "Min", "Jing", "Li", "Qiang", "Lei", "Jun", "Yang", "Yong", "Yan", "Jie",
          "Tao", "Ming", "Chao", "Xiuying", "Xia", "Ping", "Gang", "Hui", "Hong", "Ying", "Hua",
          "Yu", "Bo", "Xin", "Lin", "Na", "Jian", "Dan");
  static final List<String> CHINESE_FAMILY =
      List.of(
          "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun",
          "Ma", "Zhu", "Hu", "Guo", "He", "Gao", "Lin", "Luo", "Zheng", "Liang", "Xie", "Song",
          "Tang", "Han", "Feng", "Deng", "Cao", "Peng");

  /**
   * Up to {@code perCulture} given-plus-family names of each culture, none of which is listed: a
   * name is listed when some listed name holds all of its tokens exactly (it must then match, so it
   * is no probe of precision).
   */
  List<String> notListed(
      ScreeningIndex index, NameNormalizer normalizer, List<SanctionsList> lists, int perCulture) {
    Set<Set<String>> listedTokenSets = new HashSet<>();
    for (SanctionsList list : lists) {
      for (ListedEntry e : list.entries()) {
        for (String n : e.allNames()) {
          listedTokenSets.add(
              new HashSet<>(Arrays.asList(normalizer.normalize(n, e.type()).text().split(" "))));
        }
      }
    }
    List<String> out = new ArrayList<>();
    out.addAll(combine(WESTERN_GIVEN, WESTERN_FAMILY, perCulture, listedTokenSets, normalizer));
    out.addAll(combine(ARABIC_GIVEN, ARABIC_FAMILY, perCulture, listedTokenSets, normalizer));
    out.addAll(combine(CHINESE_FAMILY, CHINESE_GIVEN, perCulture, listedTokenSets, normalizer));
    return out;
  }

  private List<String> combine(
      List<String> first,
      List<String> second,
      int count,
      Set<Set<String>> listed,
      NameNormalizer normalizer) {
    List<String> all = new ArrayList<>();
    for (String a : first) {
      for (String b : second) {
        all.add(a + " " + b);
      }
    }
    Collections.shuffle(all, random);
    Set<String> out = new LinkedHashSet<>();
    for (String name : all) {
      if (out.size() == count) {
        break;
      }
      Set<String> tokens =
          new HashSet<>(
              Arrays.asList(normalizer.normalize(name, EntryType.PERSON).text().split(" ")));
      boolean isListed = listed.stream().anyMatch(s -> s.containsAll(tokens));
      if (!isListed) {
        out.add(name);
      }
    }
    return new ArrayList<>(out);
  }

  private static List<String> words(String name) {
    return new ArrayList<>(Arrays.asList(WORDS.split(name.strip())));
  }

  private static String titleCase(String name) {
    StringBuilder b = new StringBuilder(name.length());
    boolean start = true;
    for (char c : name.toCharArray()) {
      b.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
      start = !Character.isLetter(c);
    }
    return b.toString();
  }
}
