package org.kassa.web.console;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.kassa.compliance.aml.ListedEntry;
import org.kassa.compliance.gate.Alert;
import org.kassa.compliance.gate.CaseComment;
import org.kassa.compliance.gate.CaseDecidedException;
import org.kassa.compliance.gate.CaseQuery;
import org.kassa.compliance.gate.CaseWork;
import org.kassa.compliance.gate.CaseWorkRefusedException;
import org.kassa.compliance.gate.ComplianceCase;
import org.kassa.compliance.gate.ComplianceCases;
import org.kassa.compliance.gate.FourEyesException;
import org.kassa.compliance.gate.ScreeningHitDetail;
import org.kassa.web.i18n.ConsoleText;
import org.kassa.web.security.ConsoleUsers;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Messages;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The compliance officer's queue of cases, one per customer, escalated ones first: filter it (open
 * or decided, assigned to me, escalated), open a case to see its alerts, its screening hits
 * explained and its comments; assign it, comment, escalate; clear it (its payments are captured; a
 * sanctions hit takes two officers) or confirm it (they are voided). Every action is audited by the
 * compliance module.
 */
@Named
@ViewScoped
public class CasesConsole implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private ComplianceCases cases;
  @Inject private CaseWork work;
  @Inject private ConsoleUsers users;
  @Inject private SecurityContext securityContext;

  private CaseQuery.Status status = CaseQuery.Status.OPEN;
  private boolean mine;
  private boolean escalatedOnly;
  private LazyDataModel<ComplianceCase> model;
  private List<String> officers;

  /** The case opened below the table, with what is shown of it. */
  private ComplianceCase selected;

  private List<Alert> alerts;
  private List<ScreeningHitDetail> hits;
  private List<CaseComment> comments;

  private String assignee;
  private String commentText;
  private String escalationReason;

  @PostConstruct
  void init() {
    model = new CasesModel();
    officers = users.complianceOfficers();
  }

  private CaseQuery query() {
    return new CaseQuery(status, mine ? officer() : null, escalatedOnly);
  }

  private final class CasesModel extends LazyDataModel<ComplianceCase> {
    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return (int) work.count(query());
    }

    @Override
    public List<ComplianceCase> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      return work.find(query(), first, pageSize);
    }

    @Override
    public String getRowKey(ComplianceCase c) {
      return c.id();
    }
  }

  /** Applies the filters (they are bound to the form). */
  public void filter() {
    // The model reads the filters on its next load.
  }

  /** Opens a case below the table. */
  public void open(String caseId) {
    select(caseId);
    assignee = selected == null ? null : selected.assignedTo().orElse(officer());
  }

  /** Closes the case shown below the table. */
  public void close() {
    selected = null;
  }

  private void select(String caseId) {
    selected = cases.find(caseId).orElse(null);
    if (selected == null) {
      return;
    }
    alerts = cases.alerts(selected);
    hits = work.hits(selected);
    comments = work.comments(selected.id());
  }

  public void clear(String caseId) {
    decide(caseId, true);
  }

  public void confirm(String caseId) {
    decide(caseId, false);
  }

  private void decide(String caseId, boolean cleared) {
    try {
      ComplianceCase c = cases.decide(caseId, cleared, officer());
      Messages.addGlobalInfo(
          "{0}: {1}",
          c.id(),
          c.status() == ComplianceCase.Status.OPEN
              ? "cleared once, a second officer must clear it too"
              : c.status().name().toLowerCase(Locale.ROOT));
    } catch (FourEyesException | CaseDecidedException e) {
      Messages.addGlobalError(e.getMessage());
    }
    refreshSelected();
  }

  /** Assigns the open case to the officer chosen. */
  public void assign() {
    assignTo(assignee);
  }

  /** Assigns the open case to the officer logged in. */
  public void assignToMe() {
    assignTo(officer());
  }

  private void assignTo(String named) {
    Optional<String> officer = users.complianceOfficer(named);
    if (officer.isEmpty()) {
      Messages.addGlobalError(ConsoleText.get("console.cases.notOfficer"), String.valueOf(named));
      return;
    }
    act(
        () -> {
          ComplianceCase c = work.assign(selected.id(), officer.get(), officer());
          Messages.addGlobalInfo(ConsoleText.get("console.cases.assigned"), c.id(), officer.get());
        });
  }

  /** Adds the comment written to the open case. */
  public void comment() {
    act(
        () -> {
          work.comment(selected.id(), commentText, officer());
          commentText = null;
          Messages.addGlobalInfo(ConsoleText.get("console.cases.commented"));
        });
  }

  /** Escalates the open case with the reason written. */
  public void escalate() {
    act(
        () -> {
          ComplianceCase c = work.escalate(selected.id(), escalationReason, officer());
          escalationReason = null;
          Messages.addGlobalInfo(ConsoleText.get("console.cases.escalatedDone"), c.id());
        });
  }

  private void act(Runnable action) {
    if (selected == null) {
      return;
    }
    try {
      action.run();
    } catch (CaseDecidedException e) {
      Messages.addGlobalError(e.getMessage());
    } catch (CaseWorkRefusedException e) {
      Messages.addGlobalError(
          e.kind() == CaseWorkRefusedException.Kind.INVALID
              ? ConsoleText.get("console.cases.missing")
              : e.getMessage());
    }
    refreshSelected();
  }

  /** Shows the open case as it is now (another officer may have acted on it). */
  private void refreshSelected() {
    if (selected != null) {
      select(selected.id());
    }
  }

  /** Whether this officer may clear: not the one who cleared first. */
  public boolean canClear(ComplianceCase c) {
    return c.status() == ComplianceCase.Status.OPEN
        && c.firstClearedBy().map(first -> !first.equalsIgnoreCase(officer())).orElse(true);
  }

  public boolean isOpen(ComplianceCase c) {
    return c.status() == ComplianceCase.Status.OPEN;
  }

  public String reasons(ComplianceCase c) {
    return cases.reasons(c);
  }

  /** The payments a case holds, for the table. */
  public String payments(ComplianceCase c) {
    return String.join(", ", c.payments());
  }

  /** A listed entry's names, programs, ... for the page. */
  public String join(List<String> values) {
    return String.join("; ", values);
  }

  /** A listed entry's identifiers: type, value, issuing country. */
  public String identifiers(ListedEntry entry) {
    return entry.identifiers().stream()
        .map(
            i -> i.type() + " " + i.value() + (i.country() == null ? "" : " (" + i.country() + ")"))
        .collect(java.util.stream.Collectors.joining("; "));
  }

  public String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  private String officer() {
    return securityContext.getCallerPrincipal().getName();
  }

  public LazyDataModel<ComplianceCase> getModel() {
    return model;
  }

  public List<String> getOfficers() {
    return officers;
  }

  public ComplianceCase getSelected() {
    return selected;
  }

  public List<Alert> getAlerts() {
    return alerts;
  }

  public List<ScreeningHitDetail> getHits() {
    return hits;
  }

  public List<CaseComment> getComments() {
    return comments;
  }

  public CaseQuery.Status[] getStatuses() {
    return CaseQuery.Status.values();
  }

  public CaseQuery.Status getStatus() {
    return status;
  }

  public void setStatus(CaseQuery.Status status) {
    this.status = status == null ? CaseQuery.Status.OPEN : status;
  }

  public boolean isMine() {
    return mine;
  }

  public void setMine(boolean mine) {
    this.mine = mine;
  }

  public boolean isEscalatedOnly() {
    return escalatedOnly;
  }

  public void setEscalatedOnly(boolean escalatedOnly) {
    this.escalatedOnly = escalatedOnly;
  }

  public String getAssignee() {
    return assignee;
  }

  public void setAssignee(String assignee) {
    this.assignee = assignee;
  }

  public String getCommentText() {
    return commentText;
  }

  public void setCommentText(String commentText) {
    this.commentText = commentText;
  }

  public String getEscalationReason() {
    return escalationReason;
  }

  public void setEscalationReason(String escalationReason) {
    this.escalationReason = escalationReason;
  }
}
