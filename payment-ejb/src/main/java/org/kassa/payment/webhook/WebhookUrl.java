package org.kassa.payment.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The rule for where Kassa posts a merchant's events: an absolute {@code https} URL with a host and
 * no user info or fragment, at most 2048 characters; plain {@code http} only to the loopback host
 * ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}).
 *
 * <p>Why https: an event carries payment data, and the signature proves who sent it and that it was
 * not changed, but hides nothing; on a plain-text path anyone in between could read it, and could
 * replay the signed request within the receiver's timestamp tolerance. On the loopback there is no
 * path in between, and developers test with a receiver on their own machine.
 *
 * <p>Outside demo mode the loopback is refused altogether: there it is the Kassa node itself, and a
 * merchant must not be able to make Kassa post to its own local ports.
 */
public final class WebhookUrl {

  /** The longest URL accepted, as for the checkout session's URLs. */
  public static final int MAX_LENGTH = 2048;

  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

  private WebhookUrl() {}

  /**
   * What is wrong with {@code url} as a webhook endpoint, if anything.
   *
   * @param allowLoopback whether the loopback host may be used (demo mode only)
   * @return a message to show the merchant, or empty when the URL is acceptable
   */
  public static Optional<String> problem(String url, boolean allowLoopback) {
    if (url == null || url.isBlank()) {
      return Optional.of("is required");
    }
    if (url.length() > MAX_LENGTH) {
      return Optional.of("must be at most " + MAX_LENGTH + " characters");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Optional.of("must be an absolute https URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute()
        || uri.isOpaque()
        || uri.getHost() == null
        || !(scheme.equals("https") || scheme.equals("http"))) {
      return Optional.of("must be an absolute https URL");
    }
    if (uri.getRawUserInfo() != null) {
      return Optional.of("must not contain a user name or password");
    }
    if (uri.getRawFragment() != null) {
      return Optional.of("must not contain a fragment (#...)");
    }
    boolean loopback = isLoopback(uri.getHost());
    if (loopback && !allowLoopback) {
      return Optional.of("must not point at localhost outside demo mode");
    }
    if (scheme.equals("http") && !loopback) {
      return Optional.of(
          "must use https (plain http is accepted for localhost and 127.0.0.1 only)");
    }
    return Optional.empty();
  }

  /** Whether {@code host} (as {@link URI#getHost()} gives it) names the loopback. */
  static boolean isLoopback(String host) {
    return LOOPBACK.contains(host.toLowerCase(Locale.ROOT));
  }
}
