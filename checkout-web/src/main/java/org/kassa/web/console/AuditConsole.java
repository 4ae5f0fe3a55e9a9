package org.kassa.web.console;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.kassa.compliance.audit.AuditEvent;
import org.kassa.compliance.audit.AuditQuery;
import org.kassa.compliance.audit.AuditTrail;
import org.kassa.compliance.audit.ChainVerification;
import org.omnifaces.cdi.ViewScoped;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The audit trail for compliance officers: filter by action and date, and the chain's status. */
@Named
@ViewScoped
public class AuditConsole implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private AuditTrail trail;
  @Inject private org.kassa.compliance.audit.AuditCheckpoints checkpoints;
  @Inject private org.kassa.compliance.audit.AuditExports exports;
  @Inject private jakarta.security.enterprise.SecurityContext securityContext;
  @Inject private org.kassa.compliance.privacy.Pseudonymizer pseudonymizer;

  private String action;
  private LocalDate from;
  private LocalDate to;
  private List<String> actions;
  private ChainVerification verification;
  private LazyDataModel<AuditEvent> model;

  @PostConstruct
  void init() {
    actions = trail.actions();
    verification = trail.verify();
    model = new EventsModel();
  }

  /** Walks the chain again. */
  public void verify() {
    verification = trail.verify();
  }

  private AuditQuery query() {
    return new AuditQuery(
        action == null || action.isBlank() ? null : action,
        from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant(),
        to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
        null);
  }

  private final class EventsModel extends LazyDataModel<AuditEvent> {
    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return (int) trail.count(query());
    }

    @Override
    public List<AuditEvent> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      return trail.find(query(), first, pageSize);
    }

    @Override
    public String getRowKey(AuditEvent event) {
      return Long.toString(event.seq());
    }
  }

  /** The last signed checkpoint, if any: how far the chain is covered by a signature. */
  public org.kassa.compliance.audit.AuditCheckpoint getLatestCheckpoint() {
    return checkpoints.latest().orElse(null);
  }

  /** The deployment's public key, for whoever verifies an export offline. */
  public String getVerifyKey() {
    return checkpoints.publicKeyText();
  }

  /** Downloads the verifiable export of the whole trail (up to its limit), signing the head. */
  public void downloadExport() throws java.io.IOException {
    long head = verification.eventsVerified();
    long from = Math.max(1, head - org.kassa.compliance.audit.AuditExports.MAX_EVENTS + 1);
    String text = exports.export(from, Long.MAX_VALUE, officer());
    org.omnifaces.util.Faces.sendFile(
        text.getBytes(java.nio.charset.StandardCharsets.UTF_8), "kassa-audit-export.tsv", true);
  }

  /**
   * Downloads the filtered trail as CSV, for a spreadsheet (the verifiable export is {@link
   * #downloadExport}). The compliance module audits the export.
   */
  public void downloadCsv() throws java.io.IOException {
    try {
      String csv = exports.csv(query(), officer());
      org.omnifaces.util.Faces.sendFile(
          csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), "kassa-audit.csv", true);
    } catch (org.kassa.compliance.audit.InvalidExportRangeException e) {
      org.omnifaces.util.Messages.addGlobalError(e.getMessage());
    }
  }

  /** The officer as the trail names them: by pseudonym, never by their login (an email). */
  private String officer() {
    return "officer:" + pseudonymizer.pseudonym(securityContext.getCallerPrincipal().getName());
  }

  public LazyDataModel<AuditEvent> getModel() {
    return model;
  }

  public ChainVerification getVerification() {
    return verification;
  }

  public List<String> getActions() {
    return actions;
  }

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action;
  }

  public LocalDate getFrom() {
    return from;
  }

  public void setFrom(LocalDate from) {
    this.from = from;
  }

  public LocalDate getTo() {
    return to;
  }

  public void setTo(LocalDate to) {
    this.to = to;
  }
}
