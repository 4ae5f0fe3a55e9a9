package org.kassa.web.it;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A browser without JavaScript: keeps cookies, reads pages with jsoup and posts JSF forms with
 * their view state. For HTTP-level tests of the pages; the real browser tests use Selenium.
 */
public final class PageClient {

  private final HttpClient http =
      HttpClient.newBuilder()
          // HTTP/1.1 like a shopper's browser over plain http (browsers never upgrade to h2c).
          .version(HttpClient.Version.HTTP_1_1)
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final String acceptLanguage;

  public PageClient(String acceptLanguage) {
    this.acceptLanguage = acceptLanguage;
  }

  /** A page: status, where it redirects to (if it does), and its parsed HTML. */
  public record Page(
      int status,
      String location,
      Document document,
      java.net.http.HttpHeaders headers,
      String body) {
    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  public Page get(URI uri) {
    return send(
        HttpRequest.newBuilder(uri).GET().header("Accept-Language", acceptLanguage).build(), uri);
  }

  /** Posts the JSF form {@code formId} of {@code page} to {@code uri} with these fields. */
  public Page submit(URI uri, Page page, String formId, Map<String, String> fields) {
    String viewState = page.document().select("input[name=jakarta.faces.ViewState]").val();
    if (viewState.isEmpty()) {
      throw new AssertionError(
          "no jakarta.faces.ViewState on the page:\n" + page.document().text());
    }
    Map<String, String> all = new LinkedHashMap<>();
    all.put(formId, formId);
    all.putAll(fields);
    all.put("jakarta.faces.ViewState", viewState);
    String body =
        all.entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept-Language", acceptLanguage)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        uri);
  }

  /** Logs in through the console login form; answers the page after the redirect. */
  public Page login(URI base, String username, String password) {
    URI login = base.resolve("login");
    Page form = get(login);
    Page answer =
        submit(
            login,
            form,
            "login",
            Map.of("username", username, "password", password, "sign-in", "x"));
    return answer.location() == null ? answer : get(base.resolve(answer.location()));
  }

  private Page send(HttpRequest request, URI uri) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Page(
          response.statusCode(),
          response.headers().firstValue("Location").orElse(null),
          Jsoup.parse(response.body(), uri.toString()),
          response.headers(),
          response.body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
