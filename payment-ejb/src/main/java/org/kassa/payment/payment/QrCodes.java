package org.kassa.payment.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kassa.payment.gateway.PaymentMethodType;

/**
 * The QR-code wallets' codes: which methods pay by one, and until when a code may be paid. Kassa
 * decides the end ({@code kassa.qr.expiry}, an ISO-8601 duration, default {@code PT5M}, counted
 * from the payment's creation), tells the gateway, and the hosted page counts down to it.
 */
@ApplicationScoped
public class QrCodes {

  @Inject
  @ConfigProperty(name = "kassa.qr.expiry", defaultValue = "PT5M")
  Duration validity = Duration.ofMinutes(5);

  /** Whether the method pays by a QR code the shopper scans. */
  public static boolean isQr(PaymentMethodType type) {
    return type == PaymentMethodType.ALIPAY || type == PaymentMethodType.WECHAT_PAY;
  }

  /** When the payment's QR code ends. */
  public Instant expiresAt(Payment payment) {
    return payment.createdAt().plus(validity);
  }
}
