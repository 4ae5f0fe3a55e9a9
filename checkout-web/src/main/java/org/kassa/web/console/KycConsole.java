package org.kassa.web.console;

import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.util.List;
import org.kassa.compliance.kyc.Identity;
import org.kassa.compliance.kyc.KycProfile;
import org.kassa.compliance.kyc.KycService;
import org.kassa.compliance.kyc.KycStateException;
import org.kassa.compliance.kyc.KycStatus;
import org.kassa.compliance.kyc.KycTier;
import org.kassa.web.i18n.ConsoleText;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Messages;

/**
 * KYC reviews for compliance officers: the full identities whose screening hit a list, each with
 * what was submitted and the hits, to approve (the hit is someone else) or reject. The compliance
 * module audits each decision under the officer's name.
 */
@Named
@ViewScoped
public class KycConsole implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private KycService kyc;
  @Inject private SecurityContext securityContext;

  /** One submission waiting, as shown. */
  public record Pending(
      String subject, String tier, String submittedAt, String reasons, Identity identity)
      implements Serializable {}

  private List<Pending> pending;

  /** The submissions waiting for a review, oldest first; read once per view or decision. */
  public List<Pending> getPending() {
    if (pending == null) {
      pending =
          kyc.withStatus(KycStatus.PENDING_REVIEW, 200).stream()
              .map(
                  p ->
                      new Pending(
                          p.subjectRef(),
                          p.submittedTier().map(KycTier::apiName).orElse(""),
                          p.submittedAt().map(Object::toString).orElse(""),
                          p.reviewReasons().orElse(""),
                          kyc.identity(p).orElse(null)))
              .toList();
    }
    return pending;
  }

  public void approve(String subject) {
    decide(subject, true);
  }

  public void reject(String subject) {
    decide(subject, false);
  }

  private void decide(String subject, boolean approved) {
    String officer = securityContext.getCallerPrincipal().getName();
    try {
      KycProfile decided = approved ? kyc.approve(subject, officer) : kyc.reject(subject, officer);
      Messages.addGlobalInfo(
          ConsoleText.get(approved ? "console.kyc.approved" : "console.kyc.rejected"),
          decided.subjectRef());
    } catch (KycStateException e) {
      Messages.addGlobalError(ConsoleText.get("console.kyc.notPending"));
    }
    pending = null;
  }
}
