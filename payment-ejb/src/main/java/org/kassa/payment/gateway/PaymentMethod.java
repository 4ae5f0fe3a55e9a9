package org.kassa.payment.gateway;

import java.util.Objects;
import org.kassa.payment.card.CardDetails;

/** What the shopper pays with, as handed to a gateway for one call. */
public sealed interface PaymentMethod {

  /** The kind of method, for routing. */
  PaymentMethodType type();

  /** A card typed on the hosted page, held in memory only. */
  record Card(CardDetails details) implements PaymentMethod {
    public Card {
      Objects.requireNonNull(details, "details");
    }

    @Override
    public PaymentMethodType type() {
      return PaymentMethodType.CARD;
    }
  }

  /**
   * A payment method the gateway already holds, named by its token: a card saved with the shopper's
   * consent, or one of the sandbox's published test tokens such as {@code pm_card_visa}. The
   * security code, when the shopper re-entered it for an on-session payment, is held in memory for
   * this one call only, like a typed card.
   */
  record Saved(String token, PaymentMethodType type, String cvc) implements PaymentMethod {
    public Saved {
      Objects.requireNonNull(token, "token");
      Objects.requireNonNull(type, "type");
    }

    /** A saved method used without its security code: off-session, or where none is asked. */
    public Saved(String token, PaymentMethodType type) {
      this(token, type, null);
    }

    /** Whether the shopper re-entered the card's security code for this one call. */
    public boolean hasCvc() {
      return cvc != null && !cvc.isEmpty();
    }

    /** Never the security code: a method may end up in a log line. */
    @Override
    public String toString() {
      return "Saved[token="
          + token
          + ", type="
          + type
          + ", cvc="
          + (hasCvc() ? "***" : "none")
          + "]";
    }
  }

  /**
   * A wallet: one the shopper is sent to and comes back from (PayPal), or one whose QR code the
   * shopper scans (Alipay, WeChat Pay).
   *
   * @param expiresAt until when the shopper may approve (a QR code's end), or null for the wallet's
   *     own limit
   */
  record Wallet(PaymentMethodType type, java.time.Instant expiresAt) implements PaymentMethod {
    public Wallet {
      Objects.requireNonNull(type, "type");
      if (type == PaymentMethodType.CARD) {
        throw new IllegalArgumentException("a card is not a wallet");
      }
    }

    public Wallet(PaymentMethodType type) {
      this(type, null);
    }
  }
}
