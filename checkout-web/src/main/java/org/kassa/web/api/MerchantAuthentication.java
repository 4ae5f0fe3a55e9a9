package org.kassa.web.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import org.kassa.payment.merchant.Merchant;
import org.kassa.payment.merchant.MerchantDirectory;

/**
 * Authenticates every API call by its {@code Authorization: Bearer <secret key>} header. No key or
 * an unknown key is a 401; the authenticated merchant is kept on the request for the resources.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class MerchantAuthentication implements ContainerRequestFilter {

  static final String MERCHANT = "kassa.merchant";

  @Inject private MerchantDirectory merchants;

  @Override
  public void filter(ContainerRequestContext request) {
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    Optional<Merchant> merchant =
        header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
            ? merchants.authenticate(header.substring(7).trim())
            : Optional.empty();
    if (merchant.isEmpty()) {
      request.abortWith(
          jakarta.ws.rs.core.Response.fromResponse(
                  Problem.of(
                      401,
                      "unauthorized",
                      "Unauthorized",
                      header == null
                          ? "Send your secret API key as 'Authorization: Bearer <key>'."
                          : "The API key is not valid."))
              .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"kassa\"")
              .build());
      return;
    }
    request.setProperty(MERCHANT, merchant.get());
  }

  /** The merchant this request was authenticated as. */
  static Merchant merchantOf(ContainerRequestContext request) {
    return (Merchant) request.getProperty(MERCHANT);
  }
}
