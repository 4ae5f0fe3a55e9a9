package org.kassa.web.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import org.kassa.compliance.access.ComplianceApiKey;
import org.kassa.compliance.access.ComplianceApiKeys;
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
  static final String COMPLIANCE_CLIENT = "kassa.compliance-client";

  @Inject private MerchantDirectory merchants;
  @Inject private ComplianceApiKeys complianceKeys;

  @Override
  public void filter(ContainerRequestContext request) {
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    String path = request.getUriInfo().getPath().replaceFirst("^/", "");
    if (path.startsWith("v1/screening")
        || path.startsWith("v1/audit")
        || path.startsWith("v1/compliance")) {
      authenticateComplianceClient(request, header);
      return;
    }
    String key = bearer(header);
    Optional<Merchant> merchant = key == null ? Optional.empty() : merchants.authenticate(key);
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

  /** The screening API takes compliance keys only: a merchant's key is not enough. */
  private void authenticateComplianceClient(ContainerRequestContext request, String header) {
    String key = bearer(header);
    Optional<ComplianceApiKey> client = complianceKeys.authenticate(key);
    if (client.isPresent()) {
      request.setProperty(COMPLIANCE_CLIENT, client.get());
      return;
    }
    if (key != null && merchants.authenticate(key).isPresent()) {
      request.abortWith(
          Problem.of(
              403,
              "forbidden",
              "Forbidden",
              "The compliance APIs need a key with the compliance scope, not a merchant's key."));
      return;
    }
    request.abortWith(
        jakarta.ws.rs.core.Response.fromResponse(
                Problem.of(
                    401,
                    "unauthorized",
                    "Unauthorized",
                    "Send a compliance API key as 'Authorization: Bearer <key>'."))
            .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"kassa-compliance\"")
            .build());
  }

  /** The key in an {@code Authorization: Bearer <key>} header, or null without one. */
  private static String bearer(String header) {
    return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
        ? header.substring(7).trim()
        : null;
  }

  /** The compliance system this request was authenticated as. */
  static ComplianceApiKey complianceClientOf(ContainerRequestContext request) {
    return (ComplianceApiKey) request.getProperty(COMPLIANCE_CLIENT);
  }

  /** The merchant this request was authenticated as. */
  static Merchant merchantOf(ContainerRequestContext request) {
    return (Merchant) request.getProperty(MERCHANT);
  }
}
