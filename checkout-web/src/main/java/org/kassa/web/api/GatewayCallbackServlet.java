package org.kassa.web.api;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.kassa.payment.NotFoundException;
import org.kassa.payment.gateway.CallbackRequest;
import org.kassa.payment.gateway.InvalidCallbackException;
import org.kassa.payment.webhook.GatewayCallbacks;

/**
 * Gateway callbacks at {@code /hooks/{gateway}}. A plain servlet rather than a JAX-RS resource: the
 * signature is over the exact bytes received, and no merchant API key applies here (the gateway's
 * signature is the authentication). A callback that does not verify gets 400 and changes nothing;
 * one that does gets 200, also when it was a duplicate, so the gateway stops resending.
 */
@WebServlet(urlPatterns = "/hooks/*")
public class GatewayCallbackServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(GatewayCallbackServlet.class.getName());

  /** Gateways' events are small; a larger body is not one. */
  static final int MAX_BODY = 256 * 1024;

  @Inject private GatewayCallbacks callbacks;

  private final transient Clock clock = Clock.systemUTC();

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = request.getPathInfo();
    String gateway = path == null ? "" : path.replaceFirst("^/", "");
    if (gateway.isEmpty() || gateway.contains("/")) {
      problem(response, 404, "not-found", "Not found", "Callbacks go to /hooks/{gateway}.");
      return;
    }
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes(MAX_BODY + 1);
    }
    if (body.length > MAX_BODY) {
      problem(response, 413, "payload-too-large", "Payload too large", "At most 256 KiB.");
      return;
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      headers.put(name, Collections.list(request.getHeaders(name)));
    }
    try {
      GatewayCallbacks.Receipt receipt =
          callbacks.receive(gateway, new CallbackRequest(headers, body, clock.instant()));
      response.setStatus(200);
      response.setContentType("application/json");
      response
          .getOutputStream()
          .write(
              Json.createObjectBuilder()
                  .add("received", true)
                  .add("outcome", receipt.name().toLowerCase(java.util.Locale.ROOT))
                  .build()
                  .toString()
                  .getBytes(StandardCharsets.UTF_8));
    } catch (InvalidCallbackException e) {
      LOG.warning(() -> "event=callback.refused gateway=" + gateway + " reason=" + e.getMessage());
      problem(response, 400, "invalid-callback", "Invalid callback", e.getMessage());
    } catch (NotFoundException e) {
      problem(response, 404, "not-found", "Not found", "No gateway named " + gateway + ".");
    }
  }

  private static void problem(
      HttpServletResponse response, int status, String type, String title, String detail)
      throws IOException {
    jakarta.ws.rs.core.Response problem = Problem.of(status, type, title, detail);
    response.setStatus(status);
    response.setContentType(Problem.MEDIA_TYPE);
    response
        .getOutputStream()
        .write(((String) problem.getEntity()).getBytes(StandardCharsets.UTF_8));
  }
}
