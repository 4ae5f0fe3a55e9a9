package org.kassa.web.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import org.kassa.compliance.text.Sha256;
import org.kassa.payment.idempotency.IdempotencyKeys;

/**
 * {@code Idempotency-Key} on every mutating call (sessions, payments, captures, voids, refunds):
 * the key is claimed with a hash of the request before the resource runs; the answer is stored
 * after it. A replay gets the stored answer with {@code Idempotent-Replayed: true}; the same key
 * with another request is 422; a duplicate while the first runs is 409.
 *
 * <p>Answers worth replaying are stored: successes, and anything after the call created something.
 * A refusal before anything was created (a 400 for a missing field) releases the key, so the
 * corrected request may reuse it, as Stripe does.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 100)
public class IdempotentRequests implements ContainerRequestFilter, ContainerResponseFilter {

  static final String HEADER = "Idempotency-Key";
  private static final String CLAIMED = "kassa.idempotency.claimed";

  @Inject private IdempotencyKeys keys;

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    String key = request.getHeaderString(HEADER);
    if (key == null || !"POST".equals(request.getMethod())) {
      return;
    }
    if (key.isBlank() || key.length() > IdempotencyKeys.MAX_KEY_LENGTH) {
      request.abortWith(Problem.invalid(Map.of(HEADER, "must be 1 to 255 characters")));
      return;
    }
    byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
    request.setEntityStream(new ByteArrayInputStream(body));
    String merchantId = MerchantAuthentication.merchantOf(request).id();
    String hash =
        Sha256.hex(
            request.getMethod() + " " + request.getUriInfo().getPath() + "\n" + canonical(body));
    IdempotencyKeys.Claim claim = keys.claim(merchantId, key, hash);
    if (claim instanceof IdempotencyKeys.Claim.Replay replay) {
      request.abortWith(
          Response.status(replay.status())
              .type(replay.status() >= 400 ? Problem.MEDIA_TYPE : MediaType.APPLICATION_JSON)
              .entity(replay.body())
              .header("Idempotent-Replayed", "true")
              .build());
      return;
    }
    request.setProperty(CLAIMED, key);
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Object key = request.getProperty(CLAIMED);
    if (key == null) {
      return;
    }
    String merchantId = MerchantAuthentication.merchantOf(request).id();
    int status = response.getStatus();
    Object entity = response.getEntity();
    String body = entity instanceof String s ? s : null;
    if (status < 300 && body != null) {
      keys.complete(merchantId, (String) key, status, body);
    } else {
      keys.finishWithout(merchantId, (String) key, status, body);
    }
  }

  /** JSON in one canonical text form, so that spacing does not make another request. */
  private static String canonical(byte[] body) {
    try (JsonReader reader =
        Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
      return reader.readValue().toString();
    } catch (JsonException | IllegalStateException e) {
      return HexFormat.of().formatHex(body);
    }
  }
}
