package org.kassa.web.console;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kassa.compliance.consent.ConsentRecord;
import org.kassa.compliance.consent.Consents;
import org.kassa.compliance.privacy.DataSubjectRequest;
import org.kassa.compliance.privacy.DataSubjectRequests;
import org.kassa.compliance.privacy.InvalidSubjectRequestException;
import org.kassa.compliance.privacy.Pseudonymizer;
import org.kassa.compliance.privacy.SubjectRequestStateException;
import org.kassa.web.i18n.ConsoleText;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * Data subject requests and consents for compliance officers: receive a request, record how the
 * requester's identity was verified, fulfil it (download the export, or erase) or reject it, with
 * the legal deadline in view; and a subject's consent history by email. Every action is audited by
 * the compliance module.
 */
@Named
@ViewScoped
public class PrivacyConsole implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private DataSubjectRequests requests;
  @Inject private Consents consents;
  @Inject private Pseudonymizer pseudonymizer;
  @Inject private SecurityContext securityContext;

  private LazyDataModel<DataSubjectRequest> model;

  // The form for a new request.
  private String kind = "ACCESS";
  private String identifierKind = "EMAIL";
  private String identifier;

  // Per-row inputs: how the identity was verified, or why the request is rejected.
  private String note;

  private String consentEmail;
  private List<ConsentRecord> consentHistory;

  @PostConstruct
  void init() {
    model = new RequestsModel();
  }

  public void receive() {
    try {
      DataSubjectRequest r =
          requests.receive(
              DataSubjectRequest.Kind.valueOf(kind),
              DataSubjectRequest.IdentifierKind.valueOf(identifierKind),
              identifier,
              officer());
      Messages.addGlobalInfo(ConsoleText.get("console.privacy.received"), r.id());
      identifier = null;
    } catch (InvalidSubjectRequestException | jakarta.ejb.EJBException e) {
      Messages.addGlobalError(ConsoleText.get("console.privacy.invalid"));
    }
  }

  public void verify(String requestId) {
    if (note == null || note.isBlank()) {
      Messages.addGlobalError(ConsoleText.get("console.privacy.noteRequired"));
      return;
    }
    act(() -> requests.verifyIdentity(requestId, officer(), note.trim()));
  }

  public void reject(String requestId) {
    if (note == null || note.isBlank()) {
      Messages.addGlobalError(ConsoleText.get("console.privacy.noteRequired"));
      return;
    }
    act(() -> requests.reject(requestId, officer(), note.trim()));
  }

  /** Erases the subject of a verified erasure request. */
  public void erase(String requestId) {
    act(() -> requests.fulfilErasure(requestId, officer()));
  }

  /** Fulfils a verified access request: the export is downloaded as JSON. */
  public void export(String requestId) throws IOException {
    try {
      String json = requests.fulfilAccess(requestId, officer()).toString();
      Faces.sendFile(
          json.getBytes(StandardCharsets.UTF_8),
          "kassa-subject-export-" + requestId + ".json",
          true);
    } catch (SubjectRequestStateException | InvalidSubjectRequestException e) {
      Messages.addGlobalError(e.getMessage());
    }
  }

  private void act(Runnable action) {
    try {
      action.run();
      Messages.addGlobalInfo(ConsoleText.get("console.privacy.done"));
      note = null;
    } catch (SubjectRequestStateException | InvalidSubjectRequestException e) {
      Messages.addGlobalError(e.getMessage());
    }
  }

  /** A subject's consent history, looked up by their email. */
  public void lookUpConsents() {
    String subject = pseudonymizer.pseudonym(consentEmail);
    consentHistory = subject == null ? List.of() : consents.history(subject);
  }

  /** The exact wording a consent record refers to. */
  public String wording(ConsentRecord r) {
    return consents.text(r.purpose(), r.textVersion(), r.locale()).orElse("");
  }

  /** Whole days left until the deadline; negative when overdue. */
  public long daysLeft(DataSubjectRequest r) {
    return Duration.between(Instant.now(), r.dueAt()).toDays();
  }

  public boolean overdue(DataSubjectRequest r) {
    return r.overdue(Instant.now());
  }

  public String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  private String officer() {
    return securityContext.getCallerPrincipal().getName();
  }

  private final class RequestsModel extends LazyDataModel<DataSubjectRequest> {
    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return (int) requests.count();
    }

    @Override
    public List<DataSubjectRequest> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      return requests.list(first, pageSize);
    }

    @Override
    public String getRowKey(DataSubjectRequest r) {
      return r.id();
    }
  }

  public LazyDataModel<DataSubjectRequest> getModel() {
    return model;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public String getIdentifierKind() {
    return identifierKind;
  }

  public void setIdentifierKind(String identifierKind) {
    this.identifierKind = identifierKind;
  }

  public String getIdentifier() {
    return identifier;
  }

  public void setIdentifier(String identifier) {
    this.identifier = identifier;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }

  public String getConsentEmail() {
    return consentEmail;
  }

  public void setConsentEmail(String consentEmail) {
    this.consentEmail = consentEmail;
  }

  public List<ConsentRecord> getConsentHistory() {
    return consentHistory;
  }
}
