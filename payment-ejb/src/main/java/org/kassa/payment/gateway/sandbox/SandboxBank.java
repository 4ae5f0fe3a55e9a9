package org.kassa.payment.gateway.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kassa.payment.gateway.BankCreditNotice;
import org.kassa.payment.gateway.CallbackRequest;
import org.kassa.payment.gateway.GatewayEvent;
import org.kassa.payment.merchant.ApiKey;
import org.kassa.payment.money.CurrencyCode;
import org.kassa.payment.money.Money;
import org.kassa.payment.webhook.GatewayCallbacks;
import org.kassa.payment.webhook.TimestampedSignature;

/**
 * The sandbox's bank: it reports money arriving on the receiving account as a bank would (a
 * camt.054 credit notification), by a callback signed like the sandbox's card callbacks, so a
 * credit takes the same way into Kassa as any gateway event: verified, stored once, applied.
 *
 * <p>The callback's body: {@code {"id": "evt_…", "type": "bank.credit", "created": epoch seconds,
 * "data": {"credit_id", "amount" (minor units), "currency", "reference", "payer_iban"?}}}.
 */
@ApplicationScoped
public class SandboxBank {

  /** The callback type of a credit. */
  public static final String CREDIT_EVENT = "bank.credit";

  @Inject
  @ConfigProperty(name = "kassa.sandbox.webhook-secret", defaultValue = "whsec_kassa_sandbox")
  String webhookSecret;

  @Inject private GatewayCallbacks receiver;

  private final Clock clock = Clock.systemUTC();

  /**
   * Reports a credit now, and waits until Kassa took it.
   *
   * @param reference the remittance information as the payer typed it
   * @param payerIban the account the money came from, or null
   * @return what Kassa did with it
   */
  public GatewayCallbacks.Receipt reportCredit(Money amount, String reference, String payerIban) {
    byte[] body =
        creditEvent(
                "evt_" + ApiKey.randomToken(20),
                "crd_" + ApiKey.randomToken(20),
                amount,
                reference,
                payerIban,
                clock.instant())
            .toString()
            .getBytes(StandardCharsets.UTF_8);
    Instant now = clock.instant();
    return receiver.receive(
        SandboxGateway.NAME,
        new CallbackRequest(
            Map.of(
                SandboxGateway.SIGNATURE_HEADER,
                List.of(TimestampedSignature.header(now, body, List.of(webhookSecret)))),
            body,
            now));
  }

  /** A credit's callback body. */
  public static JsonObject creditEvent(
      String eventId,
      String creditId,
      Money amount,
      String reference,
      String payerIban,
      Instant at) {
    JsonObjectBuilder data =
        Json.createObjectBuilder()
            .add("credit_id", creditId)
            .add("amount", amount.minorUnits())
            .add("currency", amount.currency().code());
    if (reference != null && !reference.isBlank()) {
      data.add("reference", reference);
    }
    if (payerIban != null && !payerIban.isBlank()) {
      data.add(BankCreditNotice.PAYER_IBAN_FIELD, payerIban);
    }
    return Json.createObjectBuilder()
        .add("id", eventId)
        .add("type", CREDIT_EVENT)
        .add("created", at.getEpochSecond())
        .add("data", data)
        .build();
  }

  /** Reads a verified credit callback's data. */
  static GatewayEvent read(String eventId, String type, Instant at, JsonObject data) {
    return GatewayEvent.bankCredit(
        eventId,
        type,
        at,
        new BankCreditNotice(
            data.getString("credit_id"),
            new Money(
                data.getJsonNumber("amount").longValueExact(),
                CurrencyCode.of(data.getString("currency"))),
            data.getString("reference", null),
            data.getString(BankCreditNotice.PAYER_IBAN_FIELD, null),
            at));
  }
}
