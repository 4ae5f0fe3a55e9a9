package org.kassa.web.checkout;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.kassa.payment.card.CardBrand;

/**
 * The card brands' prefix ranges, lengths and security codes as JSON at {@code
 * /checkout/card-brands.json}, for the hosted page's script that names the brand as the shopper
 * types: the same data {@link CardBrand} detects with on the server, so page and server agree. The
 * same for everyone and changed only by a release, so browsers may cache it for a day (and
 * revalidate by ETag).
 */
@WebServlet(urlPatterns = "/checkout/card-brands.json")
public class CardBrandsServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private static final byte[] BODY = json().getBytes(StandardCharsets.UTF_8);
  private static final String ETAG = "\"" + sha256(BODY).substring(0, 32) + "\"";

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader("Cache-Control", "public, max-age=86400");
    response.setHeader("ETag", ETAG);
    if (ETAG.equals(request.getHeader("If-None-Match"))) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    response.setContentType("application/json");
    response.setContentLength(BODY.length);
    response.getOutputStream().write(BODY);
  }

  /**
   * {@code {"brands": {"american-express": {"name", "code", "cvc", "lengths"}, ...}, "ranges":
   * [["american-express", "34", "34"], ...]}}, ranges in the data file's order.
   */
  static String json() {
    JsonObjectBuilder brands = Json.createObjectBuilder();
    for (CardBrand brand : CardBrand.values()) {
      if (brand == CardBrand.UNKNOWN) {
        continue;
      }
      JsonArrayBuilder lengths = Json.createArrayBuilder();
      for (int length : brand.lengths()) {
        lengths.add(length);
      }
      brands.add(
          brand.key(),
          Json.createObjectBuilder()
              .add("name", brand.displayName())
              .add("code", brand.cvcName())
              .add("cvc", brand.cvcLength())
              .add("lengths", lengths));
    }
    JsonArrayBuilder ranges = Json.createArrayBuilder();
    for (CardBrand.Range range : CardBrand.ranges()) {
      ranges.add(
          Json.createArrayBuilder().add(range.brand().key()).add(range.low()).add(range.high()));
    }
    return Json.createObjectBuilder()
        .add("brands", brands)
        .add("ranges", ranges)
        .build()
        .toString();
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
