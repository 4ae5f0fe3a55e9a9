package org.kassa.web.checkout;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.kassa.payment.checkout.CheckoutSession;
import org.kassa.payment.checkout.CheckoutSessions;
import org.kassa.payment.payment.PaymentConfirmation;
import org.kassa.payment.payment.PaymentResult;

/**
 * Where the hosted page's QR step asks, every few seconds and without reloading, whether the
 * shopper's wallet has paid: {@code GET /pay-status/{sessionId}} answers {@code
 * {"payment_status":"requires_action","pending":true}} until the payment is settled one way or the
 * other. Each ask asks the gateway too (a lost callback does not leave the shopper waiting), and a
 * QR code past its end is ended by that ask. The session id is what the shopper's link already
 * carries; the answer tells no more than the page itself shows.
 */
@WebServlet(urlPatterns = "/pay-status/*")
public class PaymentStatusServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject private CheckoutSessions sessions;
  @Inject private PaymentConfirmation confirmation;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = request.getPathInfo();
    String sessionId = path == null ? "" : path.replaceFirst("^/", "");
    Optional<CheckoutSession> session = sessions.find(sessionId);
    response.setHeader("Cache-Control", "no-store");
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    if (session.isEmpty()) {
      response.setStatus(404);
      response.getWriter().write("{\"payment_status\":null,\"pending\":false}");
      return;
    }
    var out = Json.createObjectBuilder();
    Optional<String> paymentId = session.get().paymentId();
    if (paymentId.isEmpty()) {
      out.addNull("payment_status").add("pending", false);
    } else {
      PaymentResult result = confirmation.refresh(paymentId.get());
      out.add("payment_status", result.status().apiName())
          .add("pending", result.status().isPending());
    }
    response.getWriter().write(out.build().toString());
  }
}
