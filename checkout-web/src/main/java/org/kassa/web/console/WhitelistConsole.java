package org.kassa.web.console;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.kassa.compliance.aml.ListVersion;
import org.kassa.compliance.aml.SanctionsLists;
import org.kassa.compliance.aml.whitelist.FalsePositiveWhitelist;
import org.kassa.compliance.aml.whitelist.WhitelistRefusedException;
import org.kassa.compliance.aml.whitelist.Whitelisting;
import org.kassa.web.i18n.ConsoleText;
import org.omnifaces.cdi.Param;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Messages;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The governed false-positive whitelist for officers: every whitelisting with its status, whether
 * it holds now, its expiry and who made it; whitelist a hit (a case's hit links here with subject,
 * list and entry filled in), revoke one. {@link FalsePositiveWhitelist} checks and audits it all.
 */
@Named
@ViewScoped
public class WhitelistConsole implements Serializable {

  private static final long serialVersionUID = 1L;

  /** How far ahead the expiry is proposed. */
  private static final int PROPOSED_DAYS = 90;

  @Inject private FalsePositiveWhitelist whitelist;
  @Inject private SanctionsLists lists;
  @Inject private SecurityContext securityContext;

  @Inject
  @Param(name = "subject")
  private String subjectParam;

  @Inject
  @Param(name = "list")
  private String listParam;

  @Inject
  @Param(name = "entry")
  private String entryParam;

  private String subjectRef;
  private String listId;
  private String entryId;
  private String reason;
  private LocalDate expires;

  private Whitelisting.Status status = Whitelisting.Status.ACTIVE;
  private String subjectFilter;
  private List<String> listIds;
  private LazyDataModel<Whitelisting> model;

  @PostConstruct
  void init() {
    subjectRef = subjectParam;
    listId = listParam;
    entryId = entryParam;
    expires = LocalDate.now(ZoneOffset.UTC).plusDays(PROPOSED_DAYS);
    listIds = lists.active().stream().map(ListVersion::listId).toList();
    model = new WhitelistingsModel();
  }

  private String subjectFilter() {
    return subjectFilter == null || subjectFilter.isBlank() ? null : subjectFilter.strip();
  }

  private final class WhitelistingsModel extends LazyDataModel<Whitelisting> {
    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return (int) whitelist.count(subjectFilter(), status);
    }

    @Override
    public List<Whitelisting> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      return whitelist.page(subjectFilter(), status, first, pageSize);
    }

    @Override
    public String getRowKey(Whitelisting w) {
      return w.id();
    }
  }

  /** Applies the filters (they are bound to the form). */
  public void filter() {
    // The model reads them on its next load.
  }

  /** Whitelists the hit described in the form. */
  public void create() {
    try {
      Whitelisting w =
          whitelist.create(
              blankToNull(subjectRef),
              blankToNull(listId),
              blankToNull(entryId),
              reason,
              expires == null ? null : expires.atStartOfDay(ZoneOffset.UTC).toInstant(),
              officer());
      Messages.addGlobalInfo(ConsoleText.get("console.whitelist.created"), w.id());
      reason = null;
      status = Whitelisting.Status.ACTIVE;
    } catch (WhitelistRefusedException e) {
      Messages.addGlobalError(
          e.fieldErrors().entrySet().stream()
              .map(f -> f.getKey() + " " + f.getValue())
              .collect(Collectors.joining("; ")));
    }
  }

  public void revoke(String id) {
    try {
      Whitelisting w = whitelist.revoke(id, officer());
      Messages.addGlobalInfo(ConsoleText.get("console.whitelist.revoked"), w.id());
    } catch (WhitelistRefusedException e) {
      Messages.addGlobalError(e.getMessage());
    }
  }

  /** Whether it holds now against the lists screened now: valid, expired, entry changed, ... */
  public String standing(Whitelisting w) {
    return lower(whitelist.standing(w));
  }

  public String lower(Enum<?> value) {
    return value == null ? "" : value.name().toLowerCase(Locale.ROOT);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private String officer() {
    return securityContext.getCallerPrincipal().getName();
  }

  public LazyDataModel<Whitelisting> getModel() {
    return model;
  }

  public List<String> getListIds() {
    return listIds;
  }

  public Whitelisting.Status[] getStatuses() {
    return Whitelisting.Status.values();
  }

  public String getSubjectRef() {
    return subjectRef;
  }

  public void setSubjectRef(String subjectRef) {
    this.subjectRef = subjectRef;
  }

  public String getListId() {
    return listId;
  }

  public void setListId(String listId) {
    this.listId = listId;
  }

  public String getEntryId() {
    return entryId;
  }

  public void setEntryId(String entryId) {
    this.entryId = entryId;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public LocalDate getExpires() {
    return expires;
  }

  public void setExpires(LocalDate expires) {
    this.expires = expires;
  }

  public Whitelisting.Status getStatus() {
    return status;
  }

  public void setStatus(Whitelisting.Status status) {
    this.status = status;
  }

  public String getSubjectFilter() {
    return subjectFilter;
  }

  public void setSubjectFilter(String subjectFilter) {
    this.subjectFilter = subjectFilter;
  }
}
