package org.kassa.web.console;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.util.List;
import org.kassa.payment.BusinessException;
import org.kassa.payment.webhook.MerchantWebhooks;
import org.kassa.payment.webhook.WebhookActivity;
import org.kassa.payment.webhook.WebhookEndpoint;
import org.kassa.web.security.ConsoleUsers;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Messages;

/** The merchant's webhook endpoints and recent events with every delivery; replay from here. */
@Named
@ViewScoped
public class WebhooksConsole implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private MerchantWebhooks webhooks;
  @Inject private WebhookActivity activity;
  @Inject private ConsoleUsers users;
  @Inject private SecurityContext securityContext;

  private String merchantId;
  private List<WebhookEndpoint> endpoints;
  private List<WebhookActivity.EventView> events;

  @PostConstruct
  void init() {
    merchantId = users.merchantIdOf(securityContext.getCallerPrincipal().getName());
    load();
  }

  private void load() {
    endpoints = webhooks.list(merchantId);
    events = activity.recentEvents(merchantId, null, 50);
  }

  /** Sends a delivered or failed delivery again, the same bytes. */
  public void replay(String deliveryId) {
    try {
      webhooks.replay(merchantId, deliveryId);
      Messages.addGlobalInfo("{0}: pending", deliveryId);
    } catch (BusinessException e) {
      Messages.addGlobalError(e.getMessage());
    }
    load();
  }

  /** Only settled deliveries can be replayed; a pending one is still being tried. */
  public boolean canReplay(WebhookActivity.DeliveryView d) {
    return d.status().equals("delivered") || d.status().equals("failed");
  }

  public List<WebhookEndpoint> getEndpoints() {
    return endpoints;
  }

  public List<WebhookActivity.EventView> getEvents() {
    return events;
  }
}
