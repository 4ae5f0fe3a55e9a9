package org.kassa.payment.checkout;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A merchant's request for a checkout session, after the API has read it. Field-level rules are
 * constraints here; rules across fields (line items adding up, the currency's maximum) are checked
 * by {@link CheckoutSessions}.
 *
 * @param amount total in minor units
 * @param currency ISO 4217 code
 * @param lineItems what is bought
 * @param locale BCP 47 tag of the shopper's language, optional
 * @param customerEmail optional
 * @param successUrl where the shopper goes after paying (http or https)
 * @param cancelUrl where the shopper goes to give up
 * @param expiresInSeconds optional, 1800 to 86400, default 86400
 * @param paymentMethodTypes the methods the session offers by API name ({@code card}, {@code
 *     paypal}, ...); null or empty for every method the currency allows ({@link
 *     PaymentMethodAvailability#defaultsFor})
 * @param customerCountry the shopper's country (ISO 3166 alpha-2), optional: it hides the methods
 *     that country's shoppers cannot use; without it the page's language region decides
 * @param customer the merchant's own id of the customer, optional: a returning customer's saved
 *     cards are offered, and a card can be saved (with consent) for them
 */
public record NewCheckoutSession(
    @NotNull @Positive Long amount,
    @NotNull
        @Pattern(
            regexp = "[A-Z]{3}",
            message = "must be a three-letter ISO 4217 code in upper case")
        String currency,
    @NotNull @NotEmpty @Size(max = 100) List<@NotNull @Valid LineItem> lineItems,
    @Size(max = 35)
        @Pattern(
            regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*",
            message = "must be a BCP 47 language tag such as en, de or zh-CN")
        String locale,
    @Size(max = 254) @Email String customerEmail,
    @NotNull @Size(max = 2048) @WebUrl String successUrl,
    @NotNull @Size(max = 2048) @WebUrl String cancelUrl,
    @Min(value = 1800, message = "must be at least 1800 (30 minutes)")
        @Max(value = 86400, message = "must be at most 86400 (24 hours)")
        Integer expiresInSeconds,
    @Size(
            min = 1,
            max = 10,
            message = "must list 1 to 10 payment method types, or be left out for the defaults")
        List<@NotNull @Size(max = 40) String> paymentMethodTypes,
    @Pattern(
            regexp = "[A-Z]{2}",
            message = "must be an ISO 3166 alpha-2 country code in upper case")
        String customerCountry,
    @Size(min = 1, max = 100)
        @Pattern(
            regexp = "[A-Za-z0-9._:@+\\-]+",
            message = "must be 1 to 100 letters, digits or . _ : @ + -")
        String customer) {

  /**
   * A session offering every method its currency allows, to a shopper of unknown country whom the
   * merchant names no customer id for.
   */
  public NewCheckoutSession(
      Long amount,
      String currency,
      List<LineItem> lineItems,
      String locale,
      String customerEmail,
      String successUrl,
      String cancelUrl,
      Integer expiresInSeconds) {
    this(
        amount,
        currency,
        lineItems,
        locale,
        customerEmail,
        successUrl,
        cancelUrl,
        expiresInSeconds,
        null,
        null,
        null);
  }

  /**
   * A session offering every method its currency allows, to a shopper of unknown country whom the
   * merchant names by their customer id.
   */
  public NewCheckoutSession(
      Long amount,
      String currency,
      List<LineItem> lineItems,
      String locale,
      String customerEmail,
      String successUrl,
      String cancelUrl,
      Integer expiresInSeconds,
      String customer) {
    this(
        amount,
        currency,
        lineItems,
        locale,
        customerEmail,
        successUrl,
        cancelUrl,
        expiresInSeconds,
        null,
        null,
        customer);
  }
}
