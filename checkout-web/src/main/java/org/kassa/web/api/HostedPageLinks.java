package org.kassa.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The URL of a session's hosted page: under {@code kassa.public-url} when it is set (behind a
 * proxy), else under the address the API was called on.
 */
@ApplicationScoped
public class HostedPageLinks {

  @Inject
  @ConfigProperty(name = "kassa.public-url")
  private Optional<String> publicUrl;

  public String hostedPage(UriInfo uriInfo, String sessionId) {
    String base =
        publicUrl
            .map(u -> u.endsWith("/") ? u : u + "/")
            // The API lives at <context>/api/, the page at <context>/pay/{id}.
            .orElseGet(() -> uriInfo.getBaseUri().resolve("..").toString());
    return base + "pay/" + sessionId;
  }
}
