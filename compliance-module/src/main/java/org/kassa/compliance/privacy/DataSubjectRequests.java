package org.kassa.compliance.privacy;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.kassa.compliance.audit.AuditRecord;
import org.kassa.compliance.audit.AuditTrail;
import org.kassa.compliance.text.RandomTokens;

/**
 * The data subject request workflow: received, identity verified, done. Each step is audited with
 * the subject's pseudonymous id only; the identifier the requester gave (an email) is turned into
 * that id at once and not stored.
 */
@Stateless
public class DataSubjectRequests {

  @PersistenceContext(unitName = "compliance")
  private EntityManager em;

  @Inject private Pseudonymizer pseudonymizer;
  @Inject private SubjectRights rights;
  @Inject private AuditTrail audit;

  private final Clock clock = Clock.systemUTC();

  /**
   * Records a request as received; the deadline runs from now.
   *
   * @param identifier the requester's email, or a merchant's customer id
   */
  public DataSubjectRequest receive(
      @NotNull DataSubjectRequest.Kind kind,
      @NotNull DataSubjectRequest.IdentifierKind identifierKind,
      @NotBlank @Size(max = 254) String identifier,
      @NotBlank String officer) {
    // A merchant's customer id is pseudonymized as it is (as the payment module does), so a
    // merchant whose customer ids are emails links its server-side payments to the hosted ones.
    String subjectRef = pseudonymizer.pseudonym(identifier);
    DataSubjectRequest request =
        new DataSubjectRequest(
            "dsr_" + RandomTokens.base62(20),
            kind,
            subjectRef,
            identifierKind,
            officer,
            clock.instant());
    em.persist(request);
    audit(
        request,
        officer,
        "dsr.received",
        "received",
        "kind=" + kind.name().toLowerCase(Locale.ROOT));
    return request;
  }

  /** Records that the requester's identity was verified, and how. */
  public DataSubjectRequest verifyIdentity(
      @NotBlank String requestId, @NotBlank String officer, @NotBlank @Size(max = 500) String how) {
    DataSubjectRequest request = locked(requestId);
    request.verifyIdentity(officer, how, clock.instant());
    audit(request, officer, "dsr.identity_verified", "verified", null);
    return request;
  }

  /**
   * Fulfils a verified access request: everything held about the subject, from every module.
   *
   * @throws SubjectRequestStateException unless it is a verified access request
   */
  public JsonObject fulfilAccess(@NotBlank String requestId, @NotBlank String officer) {
    DataSubjectRequest request = locked(requestId);
    requireKind(request, DataSubjectRequest.Kind.ACCESS);
    JsonObject export = rights.export(request.subjectRef(), officer);
    request.complete(officer, "export delivered", clock.instant());
    audit(request, officer, "dsr.done", "done", "export delivered");
    return export;
  }

  /**
   * Fulfils a verified erasure request: the subject's personal data is erased or shredded
   * everywhere; financial records stay.
   *
   * @return what was done, without personal data
   */
  public String fulfilErasure(@NotBlank String requestId, @NotBlank String officer) {
    DataSubjectRequest request = locked(requestId);
    requireKind(request, DataSubjectRequest.Kind.ERASURE);
    if (request.status() != DataSubjectRequest.Status.IDENTITY_VERIFIED) {
      throw new SubjectRequestStateException(request.id(), request.status(), "fulfil");
    }
    String summary = rights.erase(request.subjectRef(), officer);
    request.complete(
        officer, summary.length() > 1000 ? summary.substring(0, 1000) : summary, clock.instant());
    audit(request, officer, "dsr.done", "done", null);
    return summary;
  }

  /** Rejects a request, with the reason (no personal data). */
  public DataSubjectRequest reject(
      @NotBlank String requestId,
      @NotBlank String officer,
      @NotBlank @Size(max = 1000) String reason) {
    DataSubjectRequest request = locked(requestId);
    request.reject(officer, reason, clock.instant());
    audit(request, officer, "dsr.rejected", "rejected", null);
    return request;
  }

  public Optional<DataSubjectRequest> find(String requestId) {
    return Optional.ofNullable(em.find(DataSubjectRequest.class, requestId));
  }

  /** Requests, open ones first by deadline, then the rest newest first. */
  public List<DataSubjectRequest> list(int first, int max) {
    return em.createQuery(
            "SELECT r FROM DataSubjectRequest r ORDER BY CASE WHEN r.status IN"
                + " (org.kassa.compliance.privacy.DataSubjectRequest.Status.RECEIVED,"
                + " org.kassa.compliance.privacy.DataSubjectRequest.Status.IDENTITY_VERIFIED)"
                + " THEN 0 ELSE 1 END, r.dueAt, r.id",
            DataSubjectRequest.class)
        .setFirstResult(first)
        .setMaxResults(max)
        .getResultList();
  }

  public long count() {
    return em.createQuery("SELECT COUNT(r) FROM DataSubjectRequest r", Long.class)
        .getSingleResult();
  }

  private DataSubjectRequest locked(String requestId) {
    DataSubjectRequest request =
        em.find(DataSubjectRequest.class, requestId, LockModeType.PESSIMISTIC_WRITE);
    if (request == null) {
      throw new UnknownSubjectRequestException(requestId);
    }
    return request;
  }

  private static void requireKind(DataSubjectRequest request, DataSubjectRequest.Kind kind) {
    if (request.kind() != kind) {
      throw new InvalidSubjectRequestException(
          "Request "
              + request.id()
              + " is an "
              + request.kind().name().toLowerCase(Locale.ROOT)
              + " request.");
    }
  }

  private void audit(
      DataSubjectRequest request, String officer, String action, String outcome, String detail) {
    AuditRecord record =
        AuditRecord.of(officer, action, "data_subject_request", request.id(), outcome)
            .withSubject(request.subjectRef());
    audit.append(detail == null ? record : record.withDetail(detail));
  }
}
