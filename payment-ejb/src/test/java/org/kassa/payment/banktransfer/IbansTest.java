package org.kassa.payment.banktransfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IbansTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "DE89370400440532013000",
        "de89 3704 0044 0532 0130 00",
        "GB82WEST12345698765432",
        "FR1420041010050500013M02606",
        "NL91ABNA0417164300",
        "CH9300762011623852957"
      })
  void acceptsValidIbansWhateverTheSpacingAndCase(String iban) {
    assertThat(Ibans.isValidIban(iban)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "DE88370400440532013000", // check digits wrong
        "DE8937040044053201300", // one digit short for Germany
        "NL91ABNA041716430X", // a letter where the Dutch format has digits
        "XX89370400440532013000", // no such country
        "",
        "4242424242424242"
      })
  void refusesWhatCommonsValidatorRefuses(String iban) {
    assertThat(Ibans.isValidIban(iban)).isFalse();
  }

  @Test
  void checksBicsFormatAndCountry() {
    assertThat(Ibans.isValidBic("COBADEFFXXX")).isTrue();
    assertThat(Ibans.isValidBic("deutdeff")).isTrue();
    assertThat(Ibans.isValidBic("DEUTXXFF")).isFalse(); // no country XX
    assertThat(Ibans.isValidBic("DEUTDEF")).isFalse();
    assertThat(Ibans.isValidBic("DEUTDEFF50")).isFalse();
    assertThat(Ibans.isValidBic(null)).isFalse();
  }

  @Test
  void groupsAndMasks() {
    assertThat(Ibans.grouped("de89370400440532013000")).isEqualTo("DE89 3704 0044 0532 0130 00");
    assertThat(Ibans.masked("DE89 3704 0044 0532 0130 00")).isEqualTo("DE••3000");
    assertThat(Ibans.masked(null)).isNull();
  }

  @Test
  void aReceivingAccountMustBeValidAndSaysWhatIsWrong() {
    ReceivingAccount account =
        new ReceivingAccount("de89 3704 0044 0532 0130 00", "cobadeffxxx", " Kassa Demo Shop ");
    assertThat(account.iban()).isEqualTo("DE89370400440532013000");
    assertThat(account.bic()).isEqualTo("COBADEFFXXX");
    assertThat(account.holder()).isEqualTo("Kassa Demo Shop");
    assertThat(account.groupedIban()).isEqualTo("DE89 3704 0044 0532 0130 00");
    assertThat(ReceivingAccount.problems("DE88370400440532013000", "COBADEFF", "Shop"))
        .containsExactly("kassa.sepa.iban is not a valid IBAN");
    assertThatThrownBy(() -> new ReceivingAccount("DE89370400440532013000", "COBA", " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kassa.sepa.bic")
        .hasMessageContaining("kassa.sepa.account-holder");
    // The shipped default is valid: a fresh install starts.
    assertThat(
            ReceivingAccount.problems(BankTransferSettings.DEMO_IBAN, "COBADEFFXXX", "Kassa Demo"))
        .isEmpty();
  }
}
