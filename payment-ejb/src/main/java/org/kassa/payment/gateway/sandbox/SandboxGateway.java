package org.kassa.payment.gateway.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.kassa.compliance.text.Csv;
import org.kassa.payment.gateway.AuthorizationRequest;
import org.kassa.payment.gateway.DeclineReason;
import org.kassa.payment.gateway.GatewayRefundResult;
import org.kassa.payment.gateway.GatewayResult;
import org.kassa.payment.gateway.PaymentGateway;
import org.kassa.payment.gateway.RefundRequest;

/**
 * The in-process sandbox. Outcomes follow Stripe's published test cards: {@code 4242 4242 4242
 * 4242} succeeds, {@code 4000 0000 0000 0002} is declined, {@code 4000 0000 0000 9995} has
 * insufficient funds, and so on. Any other Luhn-valid number succeeds, as in Stripe's test mode.
 *
 * <p>Like a real gateway it is idempotent on the payment id: asking again for the same payment
 * answers the first result.
 */
@ApplicationScoped
public class SandboxGateway implements PaymentGateway {

  public static final String NAME = "sandbox";
  private static final String TEST_CARDS = "stripe_test_cards.csv";

  private final Map<String, TestCard> cards = loadTestCards();
  private final ConcurrentMap<String, GatewayResult> answered = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, GatewayRefundResult> refunded = new ConcurrentHashMap<>();

  /** One published test number and what it does. */
  record TestCard(String number, String outcome, String detail) {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public GatewayResult authorize(AuthorizationRequest request) {
    return answered.computeIfAbsent(request.paymentId(), id -> decide(request));
  }

  /**
   * Refunds always succeed in the sandbox, as in Stripe's test mode for these cards; the first
   * answer for a refund id is the answer for good.
   */
  @Override
  public GatewayRefundResult refund(RefundRequest request) {
    return refunded.computeIfAbsent(
        request.refundId(), id -> GatewayRefundResult.succeeded("sbx_" + request.refundId()));
  }

  /** The sandbox's test card for a number, if it is one. */
  Optional<TestCard> testCard(String number) {
    return Optional.ofNullable(cards.get(number));
  }

  private GatewayResult decide(AuthorizationRequest request) {
    String reference = "sbx_" + request.paymentId();
    TestCard card = cards.get(request.card().number());
    if (card == null) {
      return approved(request, reference);
    }
    return switch (card.outcome()) {
      case "declined" -> GatewayResult.declined(reference, declineReason(card.detail()));
      case "blocked" -> GatewayResult.declined(reference, DeclineReason.FRAUDULENT);
      case "error" -> GatewayResult.declined(reference, DeclineReason.INCORRECT_NUMBER);
      case "declined_if_cvc_entered", "attach_ok_charge_fails" ->
          GatewayResult.declined(
              reference,
              card.outcome().startsWith("declined_if_cvc")
                  ? DeclineReason.INCORRECT_CVC
                  : DeclineReason.GENERIC_DECLINE);
      default -> approved(request, reference);
    };
  }

  private static GatewayResult approved(AuthorizationRequest request, String reference) {
    return request.capture()
        ? GatewayResult.captured(reference)
        : GatewayResult.authorized(reference);
  }

  /** Maps the CSV's detail, e.g. {@code card_declined / insufficient_funds}, to a reason. */
  static DeclineReason declineReason(String detail) {
    String code =
        detail.contains("/") ? detail.substring(detail.indexOf('/') + 1).trim() : detail.trim();
    return DeclineReason.fromCode(code);
  }

  private static Map<String, TestCard> loadTestCards() {
    Map<String, TestCard> byNumber = new HashMap<>();
    try (InputStream in = SandboxGateway.class.getResourceAsStream(TEST_CARDS)) {
      if (in == null) {
        throw new IllegalStateException("sandbox test cards " + TEST_CARDS + " are missing");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      reader.readLine(); // pan,brand,funding,country,expected_outcome,detail,luhn_valid
      String line;
      while ((line = reader.readLine()) != null) {
        List<String> cells = Csv.split(line);
        if (cells.size() >= 6) {
          byNumber.put(cells.get(0), new TestCard(cells.get(0), cells.get(4), cells.get(5)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(byNumber);
  }
}
