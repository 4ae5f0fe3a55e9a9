package org.kassa.web.checkout;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The errors of a form as a list at its top, each linking to its field (WCAG 3.3.1, and the pattern
 * screen-reader users know from GOV.UK): the page's script moves focus to it after a failed submit.
 */
@Named
@RequestScoped
public class ErrorSummary {

  /** One error: the id of the field it is about, and what to fix. */
  public record Entry(String field, String text) {}

  /** The KYC form's fields: API field name to the input's id. */
  private static final Map<String, String> KYC_FIELDS =
      Map.ofEntries(
          Map.entry("email", "kyc-email"),
          Map.entry("name", "kyc-name"),
          Map.entry("date_of_birth", "kyc-birth"),
          Map.entry("address_line", "kyc-line"),
          Map.entry("postal_code", "kyc-postal"),
          Map.entry("city", "kyc-city"),
          Map.entry("country", "kyc-country"),
          Map.entry("document_type", "kyc-doc-type"),
          Map.entry("document_number", "kyc-doc-number"),
          Map.entry("issuing_country", "kyc-doc-country"),
          Map.entry("document_expiry", "kyc-doc-expiry"));

  /** ... in the order the form shows them. */
  private static final List<String> KYC_ORDER =
      List.of(
          "email",
          "name",
          "date_of_birth",
          "address_line",
          "postal_code",
          "city",
          "country",
          "document_type",
          "document_number",
          "issuing_country",
          "document_expiry");

  /** The messages queued for fields in this request (validation and conversion), in form order. */
  public List<Entry> getFields() {
    FacesContext faces = FacesContext.getCurrentInstance();
    List<Entry> entries = new ArrayList<>();
    for (Iterator<String> ids = faces.getClientIdsWithMessages(); ids.hasNext(); ) {
      String id = ids.next();
      if (id == null) {
        continue; // global messages have their own list
      }
      Iterator<FacesMessage> messages = faces.getMessages(id);
      if (messages.hasNext()) {
        FacesMessage m = messages.next();
        String text =
            m.getDetail() == null || m.getDetail().isBlank() ? m.getSummary() : m.getDetail();
        entries.add(new Entry(id, text));
      }
    }
    return entries;
  }

  /** The KYC form's errors (field to message, as {@code PayPage.getKycErrors} shows them). */
  public List<Entry> kyc(Map<String, String> errors) {
    List<Entry> entries = new ArrayList<>();
    for (String field : KYC_ORDER) {
      String text = errors.get(field);
      if (text != null) {
        entries.add(new Entry(KYC_FIELDS.get(field), text));
      }
    }
    return entries;
  }
}
