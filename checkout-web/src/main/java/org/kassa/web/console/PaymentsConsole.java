package org.kassa.web.console;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kassa.payment.payment.Payment;
import org.kassa.payment.payment.PaymentStatus;
import org.kassa.payment.payment.Payments;
import org.kassa.web.i18n.MoneyFormat;
import org.kassa.web.security.ConsoleUsers;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Faces;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The merchant's payments, newest first, a page at a time, filtered by status. */
@Named
@ViewScoped
public class PaymentsConsole implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private Payments payments;
  @Inject private org.kassa.payment.privacy.PaymentPersonalData personalData;
  @Inject private ConsoleUsers users;
  @Inject private SecurityContext securityContext;

  private String merchantId;
  private PaymentStatus status;
  private LazyDataModel<Payment> model;

  @PostConstruct
  void init() {
    merchantId = users.merchantIdOf(securityContext.getCallerPrincipal().getName());
    model = new PaymentsModel();
  }

  private final class PaymentsModel extends LazyDataModel<Payment> {
    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return (int) payments.count(merchantId, status);
    }

    @Override
    public List<Payment> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      return payments.page(merchantId, status, first, pageSize);
    }

    @Override
    public String getRowKey(Payment payment) {
      return payment.id();
    }
  }

  public String amount(Payment payment) {
    return MoneyFormat.format(payment.amount(), Faces.getLocale());
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

  public String statusName(PaymentStatus s) {
    return s.apiName().replace('_', ' ');
  }

  public LazyDataModel<Payment> getModel() {
    return model;
  }

  public PaymentStatus getStatus() {
    return status;
  }

  public void setStatus(PaymentStatus status) {
    this.status = status;
  }

  public Locale getLocale() {
    return Faces.getLocale();
  }
}
