package org.kassa.web.console;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.util.List;
import org.kassa.compliance.gate.CaseDecidedException;
import org.kassa.compliance.gate.ComplianceCase;
import org.kassa.compliance.gate.ComplianceCases;
import org.kassa.compliance.gate.FourEyesException;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Messages;

/**
 * The compliance officer's queue of payments held for review, one case per customer: clear (its
 * payments are captured; a sanctions hit takes two officers) or confirm (they are voided). Every
 * action is audited by the compliance module.
 */
@Named
@ViewScoped
public class CasesConsole implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private ComplianceCases cases;
  @Inject private SecurityContext securityContext;

  private List<ComplianceCase> open;

  @PostConstruct
  void load() {
    open = cases.open();
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
              : c.status().name().toLowerCase(java.util.Locale.ROOT));
    } catch (FourEyesException | CaseDecidedException e) {
      Messages.addGlobalError(e.getMessage());
    }
    load();
  }

  /** Whether this officer may clear: not the one who cleared first. */
  public boolean canClear(ComplianceCase c) {
    return c.firstClearedBy().map(first -> !first.equalsIgnoreCase(officer())).orElse(true);
  }

  public String reasons(ComplianceCase c) {
    return cases.reasons(c);
  }

  /** The payments a case holds, for the table. */
  public String payments(ComplianceCase c) {
    return String.join(", ", c.payments());
  }

  private String officer() {
    return securityContext.getCallerPrincipal().getName();
  }

  public List<ComplianceCase> getOpen() {
    return open;
  }
}
