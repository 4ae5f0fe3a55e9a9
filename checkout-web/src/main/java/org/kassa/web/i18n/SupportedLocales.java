package org.kassa.web.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The locales the pages are translated into, and how a shopper's locale is chosen. */
public final class SupportedLocales {

  /** In the order the language switcher shows them. */
  public static final List<Locale> ALL =
      List.of(Locale.ENGLISH, Locale.GERMAN, Locale.SIMPLIFIED_CHINESE);

  public static final Locale DEFAULT = Locale.ENGLISH;

  private SupportedLocales() {}

  /**
   * The locale for a shopper: the explicit {@code ?lang=} choice, else the merchant's locale for
   * the session, else the browser's {@code Accept-Language} preferences, else English.
   */
  public static Locale choose(
      String langParameter, String sessionLocale, List<Locale> acceptLanguage) {
    return match(langParameter)
        .or(() -> match(sessionLocale))
        .or(
            () ->
                acceptLanguage.stream()
                    .map(SupportedLocales::match)
                    .flatMap(Optional::stream)
                    .findFirst())
        .orElse(DEFAULT);
  }

  /** The supported locale a language tag asks for: exact match first, then by language. */
  public static Optional<Locale> match(String tag) {
    if (tag == null || tag.isBlank()) {
      return Optional.empty();
    }
    return match(Locale.forLanguageTag(tag.trim().replace('_', '-')));
  }

  static Optional<Locale> match(Locale wanted) {
    if (wanted.getLanguage().isEmpty()) {
      return Optional.empty();
    }
    for (Locale l : ALL) {
      if (l.getLanguage().equals(wanted.getLanguage())
          && l.getCountry().equals(wanted.getCountry())) {
        return Optional.of(l);
      }
    }
    if ("zh".equals(wanted.getLanguage())) {
      // Traditional Chinese readers (zh-TW, zh-HK, zh-Hant) are not served Simplified: fall
      // through.
      boolean traditional =
          "Hant".equals(wanted.getScript())
              || List.of("TW", "HK", "MO").contains(wanted.getCountry());
      return traditional ? Optional.empty() : Optional.of(Locale.SIMPLIFIED_CHINESE);
    }
    return ALL.stream().filter(l -> l.getLanguage().equals(wanted.getLanguage())).findFirst();
  }
}
