package org.kassa.web.console;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.IOException;
import java.io.Serializable;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kassa.compliance.privacy.Pseudonymizer;
import org.kassa.payment.gateway.PaymentMethodType;
import org.kassa.payment.payment.Payment;
import org.kassa.payment.payment.PaymentFilter;
import org.kassa.payment.payment.PaymentOrder;
import org.kassa.payment.payment.PaymentStatus;
import org.kassa.payment.payment.Payments;
import org.kassa.web.i18n.ConsoleText;
import org.kassa.web.i18n.MoneyFormat;
import org.kassa.web.i18n.TimeFormat;
import org.kassa.web.security.ConsoleUsers;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Faces;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The merchant's payments, a page at a time, searched by the filters in the page's URL (so a search
 * can be bookmarked): status, method, currency, amount range, period, customer id, payer email.
 * Only ever the logged-in merchant's payments.
 */
@Named
@ViewScoped
public class PaymentsConsole implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private Payments payments;
  @Inject private org.kassa.payment.privacy.PaymentPersonalData personalData;
  @Inject private ConsoleUsers users;
  @Inject private SecurityContext securityContext;
  @Inject private Pseudonymizer pseudonymizer;
  @Inject private org.kassa.web.i18n.ConsoleLocale consoleLocale;

  private String merchantId;
  private PaymentSearchForm form;
  private PaymentSearchForm.Reading reading;
  private LazyDataModel<Payment> model;

  @PostConstruct
  void init() {
    merchantId = users.merchantIdOf(securityContext.getCallerPrincipal().getName());
    form = PaymentSearchForm.of(Faces.getRequestParameterMap()::get);
    reading = form.read(getLocale(), pseudonymizer::pseudonym);
    model = new PaymentsModel();
  }

  /** Searches: to the URL of the search, or the messages of the fields that are wrong. */
  public void search() throws IOException {
    reading = form.read(getLocale(), pseudonymizer::pseudonym);
    if (reading.valid()) {
      Faces.redirect("console/payments" + form.query(getLocale()));
    }
  }

  private final class PaymentsModel extends LazyDataModel<Payment> {
    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      PaymentFilter filter = reading.filter();
      return filter == null ? 0 : (int) payments.countMatching(merchantId, filter);
    }

    @Override
    public List<Payment> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      PaymentFilter filter = reading.filter();
      if (filter == null) {
        return List.of();
      }
      return payments.search(merchantId, filter, order(sortBy), first, pageSize);
    }

    @Override
    public String getRowKey(Payment payment) {
      return payment.id();
    }
  }

  /** The table's own sort when a header was clicked, else the URL's. */
  private PaymentOrder order(Map<String, SortMeta> sortBy) {
    for (SortMeta meta : sortBy.values()) {
      if (meta.getOrder() == null || meta.getOrder() == SortOrder.UNSORTED) {
        continue;
      }
      boolean ascending = meta.getOrder() == SortOrder.ASCENDING;
      switch (meta.getField()) {
        case "amount":
          return ascending ? PaymentOrder.SMALLEST : PaymentOrder.LARGEST;
        case "createdAt":
          return ascending ? PaymentOrder.OLDEST : PaymentOrder.NEWEST;
        case "status":
          return PaymentOrder.STATUS;
        default:
          break;
      }
    }
    return reading.order();
  }

  /** The messages of the fields that are wrong, by field name, in the console's language. */
  public Map<String, String> getErrors() {
    Map<String, String> messages = new java.util.HashMap<>();
    reading
        .errors()
        .forEach(
            (field, e) ->
                messages.put(
                    field,
                    new MessageFormat(ConsoleText.get(e.key()), getLocale())
                        .format(e.arguments())));
    return messages;
  }

  /** How many payments the search finds, in words; empty when a filter is wrong. */
  public String getMatchesText() {
    return reading.filter() == null
        ? ""
        : new MessageFormat(ConsoleText.get("console.search.matches"), getLocale())
            .format(new Object[] {payments.countMatching(merchantId, reading.filter())});
  }

  public boolean isValid() {
    return reading.valid();
  }

  public String amount(Payment payment) {
    return MoneyFormat.format(payment.amount(), getLocale());
  }

  public String created(Payment payment) {
    return TimeFormat.dateTime(payment.createdAt(), getLocale());
  }

  public String card(Payment payment) {
    return payment.card().map(c -> c.brand().displayName() + " ···· " + c.lastFour()).orElse("");
  }

  /** The payer's email, or name when they gave none. */
  public String customer(Payment payment) {
    return personalData.payer(payment).map(p -> p.emailAddress().orElse(p.name())).orElse("");
  }

  public List<PaymentStatus> getStatuses() {
    return List.of(PaymentStatus.values());
  }

  public List<PaymentMethodType> getMethods() {
    return List.of(PaymentMethodType.values());
  }

  public List<PaymentOrder> getOrders() {
    return List.of(PaymentOrder.values());
  }

  public String statusName(PaymentStatus s) {
    return s.apiName().replace('_', ' ');
  }

  public LazyDataModel<Payment> getModel() {
    return model;
  }

  public PaymentSearchForm getForm() {
    return form;
  }

  /** An order's name in the console's language. */
  public String orderName(PaymentOrder o) {
    return ConsoleText.get(
        switch (o) {
          case NEWEST -> "console.search.sort.newest";
          case OLDEST -> "console.search.sort.oldest";
          case LARGEST -> "console.search.sort.largest";
          case SMALLEST -> "console.search.sort.smallest";
          case STATUS -> "console.search.sort.status";
        });
  }

  public Locale getLocale() {
    return consoleLocale.getLocale();
  }
}
