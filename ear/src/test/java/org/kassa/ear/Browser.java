package org.kassa.ear;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A browser without JavaScript: keeps its cookies (the JSF and login session), does not follow
 * redirects (tests look at them), reads pages with jsoup and posts JSF forms with their view state.
 */
final class Browser {

  /** One answer: status, redirect target (if any) and the parsed page. */
  record Page(int status, URI location, Document document, java.net.http.HttpHeaders headers) {

    String text() {
      return document.text();
    }

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  private final HttpClient http =
      HttpClient.newBuilder()
          // HTTP/1.1 like a shopper's browser over plain http (browsers never upgrade to h2c).
          .version(HttpClient.Version.HTTP_1_1)
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final URI base;

  Browser(URI base) {
    this.base = base;
  }

  Page get(String path) {
    URI uri = base.resolve(path);
    return send(HttpRequest.newBuilder(uri).GET(), uri);
  }

  /**
   * Posts the JSF form {@code formId} shown on {@code page} back to {@code path}: the form's own
   * marker field, the given fields and the page's {@code jakarta.faces.ViewState}.
   */
  Page submit(String path, Page page, String formId, Map<String, String> fields) {
    String viewState = page.document().select("input[name=jakarta.faces.ViewState]").val();
    if (viewState.isEmpty()) {
      throw new AssertionError("no jakarta.faces.ViewState on the page:\n" + page.text());
    }
    Map<String, String> all = new LinkedHashMap<>();
    all.put(formId, formId);
    all.putAll(fields);
    all.put("jakarta.faces.ViewState", viewState);
    String body =
        all.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    URI uri = base.resolve(path);
    return send(
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)),
        uri);
  }

  /** Signs in through the console's login form; answers the login POST (a redirect on success). */
  Page login(String username, String password) {
    Page form = get("login");
    if (form.status() != 200) {
      throw new AssertionError("GET /login answered " + form.status());
    }
    return submit(
        "login", form, "login", Map.of("username", username, "password", password, "sign-in", "x"));
  }

  private Page send(HttpRequest.Builder request, URI uri) {
    try {
      HttpResponse<String> response =
          http.send(
              request.header("Accept-Language", "en").timeout(Duration.ofSeconds(60)).build(),
              HttpResponse.BodyHandlers.ofString());
      URI location = response.headers().firstValue("Location").map(uri::resolve).orElse(null);
      return new Page(
          response.statusCode(),
          location,
          Jsoup.parse(response.body(), uri.toString()),
          response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
