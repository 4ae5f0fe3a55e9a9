package org.kassa.compliance.aml.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.kassa.compliance.aml.EntryType;

class NameNormalizerTest {

  private final NameNormalizer normalizer = new NameNormalizer();

  private String text(String written, EntryType type) {
    return normalizer.normalize(written, type).text();
  }

  @Test
  void foldsCaseAndRemovesAccents() {
    assertThat(text("José MÜLLER-Lüdenscheidt", EntryType.PERSON))
        .isEqualTo("jose muller ludenscheidt");
    assertThat(text("Ørsted Æbelø Straße", EntryType.ORGANIZATION))
        .isEqualTo("orsted aebelo strasse");
    assertThat(text("ÇAKIR Işık Ğ", EntryType.PERSON)).isEqualTo("cakir isik g");
  }

  @Test
  void transliteratesCyrillic() {
    assertThat(text("Умаров Доку Хаматович", EntryType.PERSON)).isEqualTo("umarov doku hamatovic");
    assertThat(text("ООО «Ромашка»", EntryType.ORGANIZATION)).isEqualTo("romaska");
  }

  @Test
  void transliteratesArabicAndMarksItsTokensConsonantal() {
    NormalizedName name = normalizer.normalize("صدام حسين التكريتي", EntryType.PERSON);
    // The article written attached (ال) becomes its own token, as AL-TIKRITI does in Latin.
    assertThat(name.text()).isEqualTo("sdam hsyn al tkryty");
    assertThat(name.tokens()).allMatch(NameToken::consonantal);
    // Taa marbuta and alef maksura end the word as a vowel: HAMZA, MUSTAFA.
    assertThat(text("حمزة مصطفى", EntryType.PERSON)).isEqualTo("hmza mstfa");
    // Ayn ("ʿ") is dropped like an apostrophe.
    assertThat(text("عبد", EntryType.PERSON)).isEqualTo("bd");
  }

  @Test
  void transliteratesChineseSyllableBySyllable() {
    assertThat(text("习近平", EntryType.PERSON)).isEqualTo("xi jin ping");
    assertThat(normalizer.normalize("习近平", EntryType.PERSON).tokens())
        .noneMatch(NameToken::consonantal);
    // 华为技术有限公司: the legal form 有限公司 goes like LTD does.
    assertThat(text("华为技术有限公司", EntryType.ORGANIZATION)).isEqualTo("hua wei ji shu");
  }

  @Test
  void transliteratesGreekAndFullWidthForms() {
    assertThat(text("Αλέξης Τσίπρας", EntryType.PERSON)).isEqualTo("alexes tsipras");
    assertThat(text("ＡＣＭＥ　Ｌｔｄ", EntryType.ORGANIZATION)).isEqualTo("acme");
  }

  @Test
  void punctuationAndHyphensSeparateApostrophesJoin() {
    assertThat(text("AL-ZAWAHIRI, Ayman", EntryType.PERSON)).isEqualTo("al zawahiri ayman");
    assertThat(text("SA'D ABD-AL-MAJID AL-FAISAL", EntryType.PERSON))
        .isEqualTo("sad abd al majid al faisal");
    assertThat(text("MA’RUF (a/k/a: \"Taha\")", EntryType.PERSON)).isEqualTo("maruf a k a taha");
    assertThat(text("  ", EntryType.PERSON)).isEmpty();
  }

  @Test
  void dropsLegalFormsOfOrganizations() {
    assertThat(text("ANGLO-CARIBBEAN CO., LTD.", EntryType.ORGANIZATION))
        .isEqualTo("anglo caribbean");
    assertThat(text("Acme Trading S.A.", EntryType.ORGANIZATION)).isEqualTo("acme trading");
    assertThat(text("ACME TRADING S. A.", EntryType.ORGANIZATION)).isEqualTo("acme trading");
    assertThat(text("Rosneft P.J.S.C.", EntryType.ORGANIZATION)).isEqualTo("rosneft");
    assertThat(text("Kassa GmbH & Co. KG", EntryType.ORGANIZATION)).isEqualTo("kassa");
    assertThat(text("SOVCOMFLOT PUBLIC JOINT STOCK COMPANY", EntryType.ORGANIZATION))
        .isEqualTo("sovcomflot");
    assertThat(text("OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU VEKTOR", EntryType.ORGANIZATION))
        .isEqualTo("vektor");
    assertThat(text("BELLUGA IC VE DIS TICARET LIMITED SIRKETI", EntryType.ORGANIZATION))
        .isEqualTo("belluga ic ve dis ticaret");
    assertThat(text("Example Limited Liability Company", EntryType.ORGANIZATION))
        .isEqualTo("example");
  }

  @Test
  void keepsAWholeNameMadeOfNoiseWords() {
    assertThat(text("THE COMPANY LTD", EntryType.ORGANIZATION)).isEqualTo("the");
    assertThat(text("LIMITED COMPANY", EntryType.ORGANIZATION)).isEqualTo("limited company");
  }

  @Test
  void dropsHonorificsOfPersonsOnly() {
    assertThat(text("AL ZAWAHIRI, Dr. Ayman", EntryType.PERSON)).isEqualTo("al zawahiri ayman");
    assertThat(text("Haji Mullah Mohammed", EntryType.PERSON)).isEqualTo("mohammed");
    assertThat(text("Mrs. Jane Smith", EntryType.PERSON)).isEqualTo("jane smith");
    // A person's name keeps words that are legal forms elsewhere, an organization its honorifics.
    assertThat(text("Co Sa", EntryType.PERSON)).isEqualTo("co sa");
    assertThat(text("DR CONGO TRADING LTD", EntryType.ORGANIZATION)).isEqualTo("dr congo trading");
    // Vessels keep everything; an unknown type drops both kinds.
    assertThat(text("MR ACME LTD", EntryType.VESSEL)).isEqualTo("mr acme ltd");
    assertThat(text("MR ACME LTD", null)).isEqualTo("acme");
  }

  @Test
  void recognizesALongLegalFormWithOneTypo() {
    assertThat(text("EVERFIT COMPANY LIMITDE", EntryType.ORGANIZATION)).isEqualTo("everfit");
    assertThat(text("HESONG TRADING CORPORATIN", EntryType.ORGANIZATION))
        .isEqualTo("hesong trading");
    // Two edits away is a word, not a legal form.
    assertThat(text("COMPANIA MINERA", EntryType.ORGANIZATION)).isEqualTo("compania minera");
  }

  @Test
  void offersArabicCompoundNamesJoinedAsASecondVariant() {
    assertThat(normalizer.variants("ABD AL-RAHMAN, Abdullah", EntryType.PERSON))
        .extracting(NormalizedName::text)
        .containsExactly("abd al rahman abdullah", "abdalrahman abdullah");
    assertThat(normalizer.variants("SAIF-AL-DIN FULAYYIH", EntryType.PERSON))
        .extracting(NormalizedName::text)
        .containsExactly("saif al din fulayyih", "saifaldin fulayyih");
    assertThat(normalizer.variants("SAJIDA KHAYR ALLAH", EntryType.PERSON))
        .extracting(NormalizedName::text)
        .containsExactly("sajida khayr allah", "sajida khayrallah");
    // Arabic script: عبد الرحمن is "bd al rhmn", joined "bdalrhmn".
    assertThat(normalizer.variants("عبد الرحمن", EntryType.PERSON))
        .extracting(NormalizedName::text)
        .containsExactly("bd al rhmn", "bdalrhmn");
    // Nothing to join: one variant.
    assertThat(normalizer.variants("Saddam HUSSEIN", EntryType.PERSON)).hasSize(1);
  }

  @Test
  void isSafeToShareBetweenThreads() throws Exception {
    List<String> names =
        List.of("Умаров Доку Хаматович", "صدام حسين التكريتي", "习近平", "Ørsted Æbelø", "BANK MELLI");
    List<String> expected = names.stream().map(n -> text(n, EntryType.PERSON)).toList();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> wrong = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        wrong.add(
            pool.submit(
                () -> {
                  int count = 0;
                  for (int i = 0; i < 2_000; i++) {
                    int k = i % names.size();
                    if (!text(names.get(k), EntryType.PERSON).equals(expected.get(k))) {
                      count++;
                    }
                  }
                  return count;
                }));
      }
      for (Future<Integer> f : wrong) {
        assertThat(f.get(60, TimeUnit.SECONDS)).isZero();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
