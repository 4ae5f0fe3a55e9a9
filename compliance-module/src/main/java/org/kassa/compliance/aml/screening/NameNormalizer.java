package org.kassa.compliance.aml.screening;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kassa.compliance.aml.EntryType;

/**
 * Turns a name as written into comparable tokens: Unicode compatibility forms folded, non-Latin
 * scripts transliterated with ICU {@code Any-Latin; Latin-ASCII} (Cyrillic, Arabic, Chinese, Greek,
 * ...), accents removed, lower case, apostrophes removed inside words ({@code SA'D} is {@code
 * sad}), dotted abbreviations joined ({@code S.A.} is {@code sa}), any other punctuation and
 * hyphens made spaces; then legal-form words dropped from organizations ({@code LTD}, {@code GMBH},
 * {@code OOO}, {@code LIMITED LIABILITY COMPANY}, ...) and honorifics from persons ({@code MR},
 * {@code DR}, {@code HAJI}, ...), unless nothing would be left.
 *
 * <p>Thread-safe and stateless. One ICU transliterator is shared by all threads: ICU documents
 * transliterators as stateless between calls and shareable without synchronization, and its
 * rule-based parts already lock internally on their compiled rules, which ICU's registry shares
 * between every instance of the same id. A per-thread instance (a ThreadLocal) would therefore take
 * the same locks and add nothing, and a lock of our own would only add a second one; instead plain
 * ASCII words, nearly all screened names, never reach ICU at all.
 */
public final class NameNormalizer {

  private static final Transliterator TO_LATIN =
      Transliterator.getInstance("Any-Latin; Latin-ASCII");

  private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Z}]+");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  // Apostrophes and the letters that stand for hamza and ayn: they sit inside words (SA'D, MA'RUF).
  private static final Pattern APOSTROPHES = Pattern.compile("['’‘`´ʹʻʼʽʾʿˈ]");
  private static final Pattern DOTTED_ABBREVIATION =
      Pattern.compile("\\b\\p{L}(?:\\.\\p{L}\\b)+\\.?");
  private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

  /** Single words that name a legal form, never a company. */
  static final Set<String> LEGAL_FORMS =
      Set.of(
          "ltd",
          "llc",
          "gmbh",
          "mbh",
          "inc",
          "incorporated",
          "co",
          "corp",
          "corporation",
          "sa",
          "sas",
          "sarl",
          "srl",
          "spa",
          "ag",
          "kg",
          "ohg",
          "ooo",
          "zao",
          "oao",
          "pao",
          "ao",
          "pjsc",
          "ojsc",
          "cjsc",
          "jsc",
          "tov",
          "pat",
          "prat",
          "limited",
          "company",
          "plc",
          "llp",
          "lp",
          "bv",
          "nv",
          "ab",
          "oy",
          "oyj",
          "asa",
          "aps",
          "pte",
          "pty",
          "pvt",
          "bhd",
          "fze",
          "fzco",
          "fzc",
          "fzllc",
          "dmcc",
          "kft",
          "zrt",
          "sro",
          "doo",
          "eood",
          "ood",
          "sirketi",
          "sti",
          "lda",
          "ltda",
          "sae",
          "wll",
          "saog",
          "saoc",
          "psc");

  /** Several-word legal forms, removed before the single words. */
  static final List<List<String>> LEGAL_FORM_PHRASES =
      List.of(
          List.of("limited", "liability", "company"),
          List.of("limited", "liability", "partnership"),
          List.of("public", "joint", "stock", "company"),
          List.of("closed", "joint", "stock", "company"),
          List.of("open", "joint", "stock", "company"),
          List.of("joint", "stock", "company"),
          List.of("obshchestvo", "s", "ogranichennoi", "otvetstvennostyu"),
          List.of("obshchestvo", "s", "ogranichennoy", "otvetstvennostyu"),
          List.of("obshchestvo", "s", "ogranichennoj", "otvetstvennostju"),
          List.of("publichnoe", "aktsionernoe", "obshchestvo"),
          List.of("zakrytoe", "aktsionernoe", "obshchestvo"),
          List.of("otkrytoe", "aktsionernoe", "obshchestvo"),
          List.of("aktsionernoe", "obshchestvo"),
          List.of("anonim", "sirketi"),
          List.of("limited", "sirketi"),
          List.of("sp", "z", "o", "o"),
          List.of("s", "a"),
          List.of("sdn", "bhd"),
          // 有限责任公司, 股份有限公司, 有限公司 as ICU spells them.
          List.of("you", "xian", "ze", "ren", "gong", "si"),
          List.of("gu", "fen", "you", "xian", "gong", "si"),
          List.of("you", "xian", "gong", "si"),
          List.of("gong", "si"));

  /** Titles and honorifics that precede or follow a person's name. */
  static final Set<String> HONORIFICS =
      Set.of(
          "mr",
          "mrs",
          "ms",
          "miss",
          "mx",
          "dr",
          "prof",
          "sir",
          "dame",
          "lord",
          "lady",
          "haji",
          "hajji",
          "hadji",
          "hajj",
          "alhaji",
          "alhaj",
          "sheikh",
          "shaikh",
          "shaykh",
          "sheik",
          "sheikha",
          "mullah",
          "mulla",
          "maulana",
          "maulvi",
          "maulavi",
          "mawlawi",
          "mawlavi",
          "molvi",
          "imam",
          "qari",
          "eng",
          "engr",
          "gen",
          "general",
          "col",
          "colonel",
          "maj",
          "major",
          "capt",
          "captain",
          "lt",
          "lieutenant",
          "brigadier",
          "adm",
          "admiral",
          "rev",
          "reverend");

  /** First parts of Arabic theophoric names: ABD AL-RAHMAN, ABDUL RAHMAN, ABDEL RAHMAN. */
  static final Set<String> ABD =
      Set.of(
          "abd", "abdul", "abdel", "abdal", "abdol", "abdoul", "abdu", "abdur", "abdus", "abdir",
          "abdi");

  /** The article as lists spell it inside compound names (AL, EL, UL, UD-, AD-, ...). */
  static final Set<String> ARTICLES =
      Set.of(
          "al", "el", "ul", "ol", "il", "ar", "as", "ad", "an", "at", "az", "ash", "ur", "us", "ud",
          "ed", "es", "er");

  /** Last parts of compound names: KHAYR ALLAH, SAIF AL-DIN, NUR EDDINE. */
  static final Set<String> ALLAH = Set.of("allah", "ullah", "ollah", "illah", "allh", "llah");

  static final Set<String> DIN = Set.of("din", "deen", "dine", "dyn", "ddin", "ddine");
  static final Set<String> JOINED_DIN =
      Set.of("eddine", "eddin", "uddin", "uddeen", "addin", "iddin");

  /** Long legal-form words, also recognized with one typo (LIMITDE, COMPNAY). */
  static final Set<String> LONG_LEGAL_FORMS =
      Set.of("limited", "company", "corporation", "incorporated", "sirketi");

  /** The tokens of {@code written} with the noise words of {@code type} dropped. */
  public NormalizedName normalize(String written, EntryType type) {
    return new NormalizedName(written, withoutNoiseWords(tokenize(written), type));
  }

  /**
   * The forms a name is compared in: {@link #normalize} and, when it holds Arabic compound names,
   * the same with each compound joined into one token ({@link #joinCompounds}). Both are needed:
   * {@code ABDUL BASEER} is one given name, but in {@code Abdul ACHEKZAI} ABDUL stands alone.
   */
  public List<NormalizedName> variants(String written, EntryType type) {
    NormalizedName plain = normalize(written, type);
    List<NameToken> joined = joinCompounds(plain.tokens());
    return joined.equals(plain.tokens())
        ? List.of(plain)
        : List.of(plain, new NormalizedName(written, joined));
  }

  /**
   * The tokens of {@code written}, nothing dropped. A caller that does not know the type of what it
   * screens tokenizes once and applies {@link #withoutNoiseWords} per listed type.
   */
  public List<NameToken> tokenize(String written) {
    Objects.requireNonNull(written, "written");
    String text = Normalizer.normalize(written, Normalizer.Form.NFKC).strip();
    List<NameToken> tokens = new ArrayList<>();
    if (text.isEmpty()) {
      return tokens;
    }
    for (String word : WHITESPACE.split(text)) {
      if (word.isEmpty()) {
        continue;
      }
      if (isAscii(word)) {
        addTokens(word, false, tokens);
      } else {
        boolean consonantal = isConsonantal(word);
        String latin = TO_LATIN.transliterate(consonantal ? spellArabicVowels(word) : word);
        addTokens(
            MARKS.matcher(Normalizer.normalize(latin, Normalizer.Form.NFD)).replaceAll(""),
            consonantal,
            tokens);
      }
    }
    return tokens;
  }

  /**
   * {@code tokens} without the legal forms (organizations), honorifics (persons) or both (type
   * unknown or null); unchanged for vessels and aircraft, and when nothing would be left.
   */
  public List<NameToken> withoutNoiseWords(List<NameToken> tokens, EntryType type) {
    boolean organization =
        type == null || type == EntryType.ORGANIZATION || type == EntryType.UNKNOWN;
    boolean person = type == null || type == EntryType.PERSON || type == EntryType.UNKNOWN;
    List<NameToken> kept = tokens;
    if (organization) {
      for (List<String> phrase : LEGAL_FORM_PHRASES) {
        kept = withoutPhrase(kept, phrase);
      }
      kept = kept.stream().filter(t -> !isLegalForm(t.text())).toList();
    }
    if (person) {
      kept = kept.stream().filter(t -> !HONORIFICS.contains(t.text())).toList();
    }
    return kept.isEmpty() ? List.copyOf(tokens) : kept;
  }

  private static boolean isLegalForm(String token) {
    if (LEGAL_FORMS.contains(token)) {
      return true;
    }
    if (token.length() < 6) {
      return false;
    }
    for (String form : LONG_LEGAL_FORMS) {
      if (withinOneEdit(token, form)) {
        return true;
      }
    }
    return false;
  }

  /** One substitution, insertion, deletion or swap of neighbours at most. */
  static boolean withinOneEdit(String a, String b) {
    int la = a.length();
    int lb = b.length();
    if (Math.abs(la - lb) > 1) {
      return false;
    }
    int i = 0;
    while (i < Math.min(la, lb) && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    if (i == la && i == lb) {
      return true;
    }
    if (la == lb) {
      return a.substring(i + 1).equals(b.substring(i + 1))
          || (i + 1 < la
              && a.charAt(i) == b.charAt(i + 1)
              && a.charAt(i + 1) == b.charAt(i)
              && a.substring(i + 2).equals(b.substring(i + 2)));
    }
    return la > lb
        ? a.substring(i + 1).equals(b.substring(i))
        : a.substring(i).equals(b.substring(i + 1));
  }

  /**
   * {@code tokens} with each Arabic compound name joined into one token. Such names are written in
   * one, two or three words (ABDULRAHMAN, ABDUL RAHMAN, ABD AL-RAHMAN; KHAYRALLAH, KHAYR ALLAH;
   * SAIF AL-DIN, SAIFUDDIN), and Arabic script attaches them differently again.
   */
  public static List<NameToken> joinCompounds(List<NameToken> tokens) {
    if (tokens.size() < 2) {
      return tokens;
    }
    List<NameToken> out = new ArrayList<>(tokens.size());
    int i = 0;
    while (i < tokens.size()) {
      NameToken t = tokens.get(i);
      String text = t.text();
      boolean isAbd = ABD.contains(text) || (t.consonantal() && text.equals("bd"));
      if (isAbd && i + 1 < tokens.size()) {
        int span = ARTICLES.contains(tokens.get(i + 1).text()) && i + 2 < tokens.size() ? 3 : 2;
        out.add(join(tokens.subList(i, i + span)));
        i += span;
        continue;
      }
      if (!out.isEmpty()) {
        NameToken previous = out.get(out.size() - 1);
        if (ALLAH.contains(text) || JOINED_DIN.contains(text)) {
          out.set(out.size() - 1, join(List.of(previous, t)));
          i++;
          continue;
        }
        if (DIN.contains(text) && ARTICLES.contains(previous.text()) && out.size() >= 2) {
          NameToken first = out.get(out.size() - 2);
          out.remove(out.size() - 1);
          out.set(out.size() - 1, join(List.of(first, previous, t)));
          i++;
          continue;
        }
      }
      out.add(t);
      i++;
    }
    return out;
  }

  private static NameToken join(List<NameToken> parts) {
    StringBuilder text = new StringBuilder();
    boolean consonantal = false;
    for (NameToken part : parts) {
      text.append(part.text());
      consonantal |= part.consonantal();
    }
    return new NameToken(text.toString(), consonantal);
  }

  private static void addTokens(String latin, boolean consonantal, List<NameToken> out) {
    String text = APOSTROPHES.matcher(latin.toLowerCase(Locale.ROOT)).replaceAll("");
    Matcher abbreviation = DOTTED_ABBREVIATION.matcher(text);
    if (abbreviation.find()) {
      StringBuilder joined = new StringBuilder();
      do {
        abbreviation.appendReplacement(joined, abbreviation.group().replace(".", ""));
      } while (abbreviation.find());
      abbreviation.appendTail(joined);
      text = joined.toString();
    }
    for (String part : SEPARATORS.split(text)) {
      if (part.isEmpty()) {
        continue;
      }
      // Arabic writes the article attached (التكريتي); Latin spellings hyphenate it (AL-TIKRITI),
      // which becomes two tokens: split it here too so both sides align token for token. Allah
      // (الله, allh) is a word of its own.
      if (consonantal && part.startsWith("al") && part.length() >= 4 && !part.equals("allh")) {
        out.add(new NameToken("al", true));
        out.add(new NameToken(part.substring(2), true));
      } else {
        out.add(new NameToken(part, consonantal));
      }
    }
  }

  private static List<NameToken> withoutPhrase(List<NameToken> tokens, List<String> phrase) {
    if (tokens.size() < phrase.size()) {
      return tokens;
    }
    List<NameToken> kept = new ArrayList<>(tokens.size());
    int i = 0;
    while (i < tokens.size()) {
      if (startsWith(tokens, i, phrase)) {
        i += phrase.size();
      } else {
        kept.add(tokens.get(i++));
      }
    }
    return kept.size() == tokens.size() ? tokens : kept;
  }

  private static boolean startsWith(List<NameToken> tokens, int from, List<String> phrase) {
    if (from + phrase.size() > tokens.size()) {
      return false;
    }
    for (int k = 0; k < phrase.size(); k++) {
      if (!tokens.get(from + k).text().equals(phrase.get(k))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAscii(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (word.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** Scripts that leave short vowels unwritten: their transliterations are mostly consonants. */
  private static boolean isConsonantal(String word) {
    return word.codePoints()
        .filter(Character::isLetter)
        .map(UScript::getScript)
        .anyMatch(s -> s == UScript.ARABIC || s == UScript.HEBREW || s == UScript.SYRIAC);
  }

  /**
   * Taa marbuta (ة) and alef maksura (ى) end names as a vowel (HAMZA, SAJIDA, MUSTAFA, HUDA), but
   * ICU spells them t and y; spell them as alef, which it spells a.
   */
  private static String spellArabicVowels(String word) {
    return word.replace('\u0629', '\u0627').replace('\u0649', '\u0627');
  }
}
