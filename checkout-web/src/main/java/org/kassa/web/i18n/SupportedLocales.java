package org.kassa.web.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The locales the pages are translated into, and how a shopper's locale is chosen. */
public final class SupportedLocales {

  /** The hosted page's languages, in the order the language switcher shows them. */
  public static final List<Locale> ALL =
      List.of(
          Locale.ENGLISH,
          Locale.GERMAN,
          Locale.FRENCH,
          new Locale("es"),
          Locale.ITALIAN,
          new Locale("pt", "BR"),
          new Locale("nl"),
          new Locale("pl"),
          Locale.SIMPLIFIED_CHINESE,
          Locale.TRADITIONAL_CHINESE,
          Locale.JAPANESE,
          Locale.KOREAN,
          new Locale("ar"));

  /** The staff consoles' (and error pages') languages: their bundle is translated into these. */
  public static final List<Locale> CONSOLE =
      List.of(Locale.ENGLISH, Locale.GERMAN, Locale.SIMPLIFIED_CHINESE);

  /** Languages written right to left: the page mirrors for them. */
  private static final List<String> RIGHT_TO_LEFT = List.of("ar", "fa", "he", "ur");

  public static final Locale DEFAULT = Locale.ENGLISH;

  private SupportedLocales() {}

  /**
   * The locale for a shopper: the explicit {@code ?lang=} choice, else the merchant's locale for
   * the session, else the browser's {@code Accept-Language} preferences, else English.
   */
  public static Locale choose(
      String langParameter, String sessionLocale, List<Locale> acceptLanguage) {
    return choose(ALL, langParameter, sessionLocale, acceptLanguage);
  }

  /** As {@link #choose(String, String, List)}, among the given locales (English among them). */
  public static Locale choose(
      List<Locale> among, String langParameter, String sessionLocale, List<Locale> acceptLanguage) {
    return match(among, langParameter)
        .or(() -> match(among, sessionLocale))
        .or(
            () ->
                acceptLanguage.stream()
                    .map(l -> match(among, l))
                    .flatMap(Optional::stream)
                    .findFirst())
        .orElse(DEFAULT);
  }

  /** The supported locale a language tag asks for: exact match first, then by language. */
  public static Optional<Locale> match(String tag) {
    return match(ALL, tag);
  }

  static Optional<Locale> match(List<Locale> among, String tag) {
    if (tag == null || tag.isBlank()) {
      return Optional.empty();
    }
    return match(among, Locale.forLanguageTag(tag.trim().replace('_', '-')));
  }

  /** Whether a locale's script runs right to left (the page then sets {@code dir="rtl"}). */
  public static boolean isRightToLeft(Locale locale) {
    return RIGHT_TO_LEFT.contains(locale.getLanguage());
  }

  /** A language's name in itself, as the language switcher shows it ("Deutsch", "日本語"). */
  public static String nativeName(Locale l) {
    if (l.equals(Locale.SIMPLIFIED_CHINESE)) {
      return "简体中文";
    }
    if (l.equals(Locale.TRADITIONAL_CHINESE)) {
      return "繁體中文";
    }
    String name = l.getDisplayName(l);
    return name.substring(0, 1).toUpperCase(l) + name.substring(1);
  }

  static Optional<Locale> match(List<Locale> among, Locale wanted) {
    if (wanted.getLanguage().isEmpty()) {
      return Optional.empty();
    }
    for (Locale l : among) {
      if (l.getLanguage().equals(wanted.getLanguage())
          && l.getCountry().equals(wanted.getCountry())) {
        return Optional.of(l);
      }
    }
    if ("zh".equals(wanted.getLanguage())) {
      // Traditional Chinese readers (zh-TW, zh-HK, zh-MO, zh-Hant) get Traditional, never
      // Simplified; where Traditional is not offered they fall through to their next preference.
      boolean traditional =
          "Hant".equals(wanted.getScript())
              || List.of("TW", "HK", "MO").contains(wanted.getCountry());
      Locale script = traditional ? Locale.TRADITIONAL_CHINESE : Locale.SIMPLIFIED_CHINESE;
      return among.contains(script) ? Optional.of(script) : Optional.empty();
    }
    return among.stream().filter(l -> l.getLanguage().equals(wanted.getLanguage())).findFirst();
  }
}
