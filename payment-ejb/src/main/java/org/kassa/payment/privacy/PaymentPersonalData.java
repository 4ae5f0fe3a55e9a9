package org.kassa.payment.privacy;

import jakarta.annotation.Resource;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.kassa.compliance.privacy.PersonalDataHolder;
import org.kassa.compliance.privacy.PersonalDataVault;
import org.kassa.payment.checkout.CheckoutSession;
import org.kassa.payment.payment.Payer;
import org.kassa.payment.payment.Payment;
import org.kassa.payment.saved.SavedPaymentMethods;
import org.kassa.payment.support.SupportTicket;

/**
 * The personal data of payments: who paid (name and email, sealed under the payer's key), the email
 * a merchant gave for a checkout, the merchant's customer id, the cards saved for a customer
 * (brand, last four, expiry; the gateway's token is not theirs to see), dispute evidence, the
 * gateways' raw callbacks and merchants' events that may repeat them, and what shoppers wrote in
 * support tickets (receipt emails hold no address: they read the payer's when sent).
 *
 * <p>The access export is every stored row that belongs to the subject, column by column, with
 * sealed values opened: nothing a payment stored is left out, including columns added later.
 * Erasure blanks what identifies the subject and keeps amounts, dates, statuses and pseudonymous
 * ids, the financial record the law requires (e.g. 10 years under HGB § 257).
 */
@Stateless
@LocalBean
@Local(PersonalDataHolder.class) // with @LocalBean, an interface is a view only when named
public class PaymentPersonalData implements PersonalDataHolder {

  /** Who paid, on payments and checkout sessions. */
  public static final String PAYER_DETAILS = "payer_details";

  /** Evidence of decided disputes. */
  public static final String DISPUTE_EVIDENCE = "dispute_evidence";

  /** Gateways' raw callbacks, which may repeat the billing details. */
  public static final String GATEWAY_PAYLOADS = "gateway_payloads";

  /** What shoppers wrote in support tickets, and where to answer them. */
  public static final String SUPPORT_TICKETS = "support_tickets";

  /** JSON fields that name a person, in event bodies and callbacks. */
  private static final Set<String> PERSONAL_FIELDS =
      Set.of(
          "billing_details",
          "customer",
          "customer_email",
          "email",
          "receipt_email",
          "name",
          "payer",
          "shipping",
          "address",
          "phone");

  private static final String PAYMENTS_OF_SUBJECT = "SELECT id FROM payment WHERE subject_ref = ?1";

  @PersistenceContext(unitName = "payment")
  private EntityManager em;

  @Resource(lookup = "java:app/jdbc/kassa")
  private DataSource dataSource;

  @Inject private PersonalDataVault vault;
  @Inject private SavedPaymentMethods savedMethods;

  private final Clock clock = Clock.systemUTC();

  /** Who paid, as entered on the hosted page; empty when unknown or erased. */
  public Optional<Payer> payer(Payment payment) {
    String subject = payment.subjectRef().orElse(null);
    Optional<String> name = open(subject, payment.sealedPayerName());
    return name.map(n -> new Payer(n, open(subject, payment.sealedPayerEmail()).orElse(null)));
  }

  /** The email the merchant gave for the checkout; empty when none or erased. */
  public Optional<String> customerEmail(CheckoutSession session) {
    return open(session.subjectRef().orElse(null), session.sealedCustomerEmail());
  }

  /** The merchant's customer id the checkout was opened for; empty when none or erased. */
  public Optional<String> customerId(CheckoutSession session) {
    return open(session.subjectRef().orElse(null), session.sealedCustomerId());
  }

  @Override
  public String name() {
    return "payments";
  }

  @Override
  public JsonObject export(String subjectRef) {
    em.flush(); // the rows are read over JDBC, in this transaction
    try (Connection c = dataSource.getConnection()) {
      UnaryOperator<String> opener = v -> open(subjectRef, v).orElse(null);
      String payments = "SELECT id FROM payment WHERE subject_ref = ?";
      String sessions =
          "SELECT id FROM checkout_session WHERE subject_ref = ?"
              + " UNION SELECT session_id FROM payment WHERE subject_ref = ?"
              + " AND session_id IS NOT NULL";
      String disputes = "SELECT id FROM dispute WHERE payment_id IN (" + payments + ")";
      String refunds = "SELECT id FROM refund WHERE payment_id IN (" + payments + ")";
      return Json.createObjectBuilder()
          .add(
              "payments",
              rows(
                  c,
                  "SELECT * FROM payment WHERE subject_ref = ? ORDER BY created_at, id",
                  opener,
                  subjectRef,
                  subjectRef))
          .add(
              "checkout_sessions",
              rows(
                  c,
                  "SELECT * FROM checkout_session WHERE id IN (" + sessions + ") ORDER BY id",
                  opener,
                  subjectRef,
                  subjectRef,
                  subjectRef))
          .add(
              "checkout_line_items",
              rows(
                  c,
                  "SELECT * FROM checkout_line_item WHERE session_id IN ("
                      + sessions
                      + ") ORDER BY session_id, line_no",
                  opener,
                  subjectRef,
                  subjectRef,
                  subjectRef))
          .add(
              "refunds",
              rows(
                  c,
                  "SELECT * FROM refund WHERE payment_id IN (" + payments + ") ORDER BY id",
                  opener,
                  subjectRef,
                  subjectRef))
          .add(
              "disputes",
              rows(
                  c,
                  "SELECT * FROM dispute WHERE payment_id IN (" + payments + ") ORDER BY id",
                  opener,
                  subjectRef,
                  subjectRef))
          .add(
              "dispute_evidence_files",
              rows(
                  c,
                  "SELECT * FROM dispute_evidence_file WHERE dispute_id IN ("
                      + disputes
                      + ") ORDER BY id",
                  opener,
                  subjectRef,
                  subjectRef))
          .add(
              "bank_transfers",
              rows(
                  c,
                  "SELECT * FROM bank_transfer WHERE subject_ref = ? ORDER BY created_at, payment_id",
                  opener,
                  subjectRef,
                  subjectRef))
          .add(
              "bank_credits",
              rows(
                  c,
                  "SELECT * FROM bank_credit WHERE subject_ref = ? ORDER BY created_at, id",
                  opener,
                  subjectRef,
                  subjectRef))
          .add(
              "gateway_events",
              rows(
                  c,
                  "SELECT * FROM gateway_event WHERE payment_id IN ("
                      + payments
                      + ") ORDER BY received_at, event_id",
                  opener,
                  subjectRef,
                  subjectRef))
          .add(
              "support_tickets",
              rows(
                  c,
                  "SELECT * FROM support_ticket WHERE subject_ref = ? ORDER BY created_at, id",
                  opener,
                  subjectRef,
                  subjectRef))
          .add(
              "receipt_emails",
              rows(
                  c,
                  "SELECT * FROM receipt_email WHERE payment_id IN ("
                      + payments
                      + ") ORDER BY created_at, id",
                  opener,
                  subjectRef,
                  subjectRef))
          .add(
              "merchant_events",
              rows(
                  c,
                  "SELECT * FROM webhook_event WHERE object_id IN ("
                      + payments
                      + " UNION "
                      + refunds
                      + " UNION "
                      + disputes
                      + ") ORDER BY created_at, id",
                  opener,
                  subjectRef,
                  subjectRef,
                  subjectRef,
                  subjectRef))
          .add(
              "saved_payment_methods",
              rows(
                  c,
                  // Saved for them as a customer, or saved by their payment as a payer.
                  "SELECT id, merchant_id, subject_ref, customer_id, holder_name, card_brand,"
                      + " card_last4, card_exp_month, card_exp_year, payment_id, created_at,"
                      + " removed_at FROM saved_payment_method WHERE subject_ref = ?"
                      + " OR payment_id IN ("
                      + payments
                      + ") ORDER BY created_at, id",
                  opener,
                  subjectRef,
                  subjectRef,
                  subjectRef))
          .build();
    } catch (SQLException e) {
      throw new IllegalStateException("export of a subject's payments failed", e);
    }
  }

  @Override
  public String erase(String subjectRef) {
    Instant now = clock.instant();
    int paymentCount = 0;
    for (Payment p :
        em.createQuery("SELECT p FROM Payment p WHERE p.subjectRef = :s", Payment.class)
            .setParameter("s", subjectRef)
            .getResultList()) {
      if (p.erasePersonalData(now)) {
        paymentCount++;
      }
    }
    int sessionCount = 0;
    for (CheckoutSession s :
        em.createQuery(
                "SELECT s FROM CheckoutSession s WHERE s.subjectRef = :s OR s.id IN"
                    + " (SELECT p.sessionId FROM Payment p WHERE p.subjectRef = :s)",
                CheckoutSession.class)
            .setParameter("s", subjectRef)
            .getResultList()) {
      if (s.erasePersonalData()) {
        sessionCount++;
      }
    }
    // Saved cards go whole, and their gateways forget the tokens: nothing the law keeps.
    int savedCards = savedMethods.eraseSubject(subjectRef);
    int tickets = 0;
    for (SupportTicket t :
        em.createQuery("SELECT t FROM SupportTicket t WHERE t.subjectRef = :s", SupportTicket.class)
            .setParameter("s", subjectRef)
            .getResultList()) {
      if (t.erasePersonalData(now)) {
        tickets++;
      }
    }
    em.flush();
    int evidence = eraseDecidedEvidence(subjectRef, null);
    Number openDisputes =
        (Number)
            em.createNativeQuery(
                    "SELECT COUNT(*) FROM dispute WHERE payment_id IN ("
                        + PAYMENTS_OF_SUBJECT
                        + ") AND status NOT IN ('WON', 'LOST')")
                .setParameter(1, subjectRef)
                .getSingleResult();
    // A receipt not sent yet would find no address now: it is not sent at all.
    int receipts =
        em.createNativeQuery(
                "UPDATE receipt_email SET status = 'CANCELED', claim_token = NULL,"
                    + " next_attempt_at = NULL, version = version + 1"
                    + " WHERE status IN ('PENDING', 'SENDING') AND payment_id IN ("
                    + PAYMENTS_OF_SUBJECT
                    + ")")
            .setParameter(1, subjectRef)
            .executeUpdate();
    int callbacks = redactCallbacks(subjectRef, null);
    int events = redactEvents(subjectRef);
    // The IBANs a payer gave or paid from; the transfers' amounts stay as the financial record.
    int ibans =
        em.createNativeQuery(
                    "UPDATE bank_transfer SET payer_iban = NULL, version = version + 1"
                        + " WHERE subject_ref = ?1 AND payer_iban IS NOT NULL")
                .setParameter(1, subjectRef)
                .executeUpdate()
            + em.createNativeQuery(
                    "UPDATE bank_credit SET payer_iban = NULL, version = version + 1"
                        + " WHERE subject_ref = ?1 AND payer_iban IS NOT NULL")
                .setParameter(1, subjectRef)
                .executeUpdate();
    // Stored API answers (kept for idempotent replays) repeat billing details: drop them.
    int answers =
        em.createNativeQuery(
                "DELETE FROM idempotency_record WHERE resource_id IN ("
                    + PAYMENTS_OF_SUBJECT
                    + ") OR resource_id IN (SELECT id FROM checkout_session WHERE subject_ref = ?1)"
                    + " OR resource_id IN (SELECT session_id FROM payment WHERE subject_ref = ?1)")
            .setParameter(1, subjectRef)
            .executeUpdate();
    return "payments="
        + paymentCount
        + " sessions="
        + sessionCount
        + " saved_cards="
        + savedCards
        + " dispute_evidence="
        + evidence
        + (openDisputes.intValue() == 0
            ? ""
            : " evidence_kept_open_disputes=" + openDisputes + " (Art. 17(3)(e))")
        + " bank_ibans="
        + ibans
        + " gateway_events="
        + callbacks
        + " merchant_events="
        + events
        + " stored_answers="
        + answers
        + " receipts_canceled="
        + receipts
        + " support_tickets="
        + tickets;
  }

  @Override
  public Map<String, Period> retention() {
    Map<String, Period> periods = new LinkedHashMap<>();
    // Past the card networks' longest dispute window (540 days), with a margin.
    periods.put(PAYER_DETAILS, Period.ofYears(2));
    periods.put(DISPUTE_EVIDENCE, Period.ofYears(3));
    periods.put(GATEWAY_PAYLOADS, Period.ofDays(90));
    // Long enough to settle the order the ticket is about, and a dispute about it.
    periods.put(SUPPORT_TICKETS, Period.ofYears(2));
    return periods;
  }

  @Override
  public int expire(String category, Instant cutoff) {
    OffsetDateTime before = cutoff.atOffset(ZoneOffset.UTC);
    switch (category) {
      case PAYER_DETAILS -> {
        int count = 0;
        for (Payment p :
            em.createQuery(
                    "SELECT p FROM Payment p WHERE p.createdAt < :t AND (p.payerName IS NOT NULL"
                        + " OR p.payerEmail IS NOT NULL OR p.customerId IS NOT NULL)",
                    Payment.class)
                .setParameter("t", before)
                .getResultList()) {
          if (p.erasePersonalData(clock.instant())) {
            count++;
          }
        }
        for (CheckoutSession s :
            em.createQuery(
                    "SELECT s FROM CheckoutSession s WHERE s.createdAt < :t"
                        + " AND (s.customerEmail IS NOT NULL OR s.customerCountry IS NOT NULL"
                        + " OR s.customerId IS NOT NULL)",
                    CheckoutSession.class)
                .setParameter("t", before)
                .getResultList()) {
          if (s.erasePersonalData()) {
            count++;
          }
        }
        return count;
      }
      case DISPUTE_EVIDENCE -> {
        return eraseDecidedEvidence(null, before);
      }
      case GATEWAY_PAYLOADS -> {
        return redactCallbacks(null, before);
      }
      case SUPPORT_TICKETS -> {
        int count = 0;
        for (SupportTicket t :
            em.createQuery(
                    "SELECT t FROM SupportTicket t WHERE t.createdAt < :t"
                        + " AND (t.message IS NOT NULL OR t.contactEmail IS NOT NULL)",
                    SupportTicket.class)
                .setParameter("t", before)
                .getResultList()) {
          if (t.erasePersonalData(clock.instant())) {
            count++;
          }
        }
        return count;
      }
      default -> {
        return 0;
      }
    }
  }

  /** Blanks the evidence of decided disputes, of the subject's payments or last changed before. */
  private int eraseDecidedEvidence(String subjectRef, OffsetDateTime before) {
    String which =
        subjectRef != null ? "payment_id IN (" + PAYMENTS_OF_SUBJECT + ")" : "updated_at < ?1";
    Object parameter = subjectRef != null ? subjectRef : before;
    int files =
        em.createNativeQuery(
                "DELETE FROM dispute_evidence_file WHERE dispute_id IN (SELECT id FROM dispute"
                    + " WHERE "
                    + which
                    + " AND status IN ('WON', 'LOST'))")
            .setParameter(1, parameter)
            .executeUpdate();
    int texts =
        em.createNativeQuery(
                "UPDATE dispute SET evidence_text = NULL WHERE "
                    + which
                    + " AND status IN ('WON', 'LOST') AND evidence_text IS NOT NULL")
            .setParameter(1, parameter)
            .executeUpdate();
    return files + texts;
  }

  /** Removes personal fields from the gateways' raw callbacks. */
  private int redactCallbacks(String subjectRef, OffsetDateTime before) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        (subjectRef != null
                ? em.createNativeQuery(
                        "SELECT gateway, event_id, payload FROM gateway_event"
                            + " WHERE payment_id IN ("
                            + PAYMENTS_OF_SUBJECT
                            + ")")
                    .setParameter(1, subjectRef)
                : em.createNativeQuery(
                        "SELECT gateway, event_id, payload FROM gateway_event"
                            + " WHERE received_at < ?1 AND payload <> '{}'")
                    .setParameter(1, before))
            .getResultList();
    int count = 0;
    for (Object[] row : rows) {
      String payload = (String) row[2];
      // Past retention nothing of the callback is needed; for an erasure, keep what is not
      // personal.
      String redacted = subjectRef != null ? redact(payload) : "{}";
      if (!redacted.equals(payload)) {
        em.createNativeQuery(
                "UPDATE gateway_event SET payload = ?1 WHERE gateway = ?2 AND event_id = ?3")
            .setParameter(1, redacted)
            .setParameter(2, row[0])
            .setParameter(3, row[1])
            .executeUpdate();
        count++;
      }
    }
    return count;
  }

  /**
   * Removes personal fields from merchants' events about the payments, their refunds and disputes.
   */
  private int redactEvents(String subjectRef) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT id, body FROM webhook_event WHERE object_id IN ("
                    + PAYMENTS_OF_SUBJECT
                    + ") OR object_id IN (SELECT id FROM refund WHERE payment_id IN ("
                    + PAYMENTS_OF_SUBJECT
                    + ")) OR object_id IN (SELECT id FROM dispute WHERE payment_id IN ("
                    + PAYMENTS_OF_SUBJECT
                    + "))")
            .setParameter(1, subjectRef)
            .getResultList();
    int count = 0;
    for (Object[] row : rows) {
      String body = (String) row[1];
      String redacted = redact(body);
      if (!redacted.equals(body)) {
        em.createNativeQuery("UPDATE webhook_event SET body = ?1 WHERE id = ?2")
            .setParameter(1, redacted)
            .setParameter(2, row[0])
            .executeUpdate();
        count++;
      }
    }
    return count;
  }

  /**
   * The JSON with every field that names a person set to null, at any depth; text that is not JSON
   * is dropped entirely.
   */
  static String redact(String json) {
    JsonValue value;
    try (var reader = Json.createReader(new StringReader(json))) {
      value = reader.readValue();
    } catch (RuntimeException notJson) {
      return "{}";
    }
    return redact(value).toString();
  }

  private static JsonValue redact(JsonValue value) {
    if (value instanceof JsonObject object) {
      JsonObjectBuilder out = Json.createObjectBuilder();
      object.forEach(
          (k, v) -> {
            if (PERSONAL_FIELDS.contains(k.toLowerCase(Locale.ROOT))
                && v.getValueType() != JsonValue.ValueType.NULL) {
              out.addNull(k);
            } else {
              out.add(k, redact(v));
            }
          });
      return out.build();
    }
    if (value instanceof JsonArray array) {
      JsonArrayBuilder out = Json.createArrayBuilder();
      array.forEach(v -> out.add(redact(v)));
      return out.build();
    }
    return value;
  }

  private Optional<String> open(String subjectRef, String stored) {
    if (stored == null) {
      return Optional.empty();
    }
    if (!PersonalDataVault.isSealed(stored)) {
      return Optional.of(stored); // stored before sealing began (migration V8)
    }
    return subjectRef == null ? Optional.empty() : vault.open(subjectRef, stored);
  }

  /** Every row the query finds, column by column; sealed text opened, bytes in base64. */
  private static JsonArray rows(
      Connection c, String sql, UnaryOperator<String> opener, String subject, String... parameters)
      throws SQLException {
    JsonArrayBuilder out = Json.createArrayBuilder();
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setString(i + 1, parameters[i]);
      }
      try (ResultSet rs = statement.executeQuery()) {
        ResultSetMetaData meta = rs.getMetaData();
        int subjectColumn = 0;
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          if (meta.getColumnLabel(i).equalsIgnoreCase("subject_ref")) {
            subjectColumn = i;
          }
        }
        while (rs.next()) {
          // A row of another subject (a session the merchant opened for someone else, paid by
          // this one) shows its sealed values as null: they are that person's data.
          String rowSubject = subjectColumn == 0 ? null : rs.getString(subjectColumn);
          boolean own = rowSubject == null || rowSubject.equals(subject);
          JsonObjectBuilder row = Json.createObjectBuilder();
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            String column = meta.getColumnLabel(i).toLowerCase(Locale.ROOT);
            Object v = rs.getObject(i);
            if (v instanceof java.sql.Clob clob) {
              v = clob.getSubString(1, (int) clob.length());
            }
            if (v == null) {
              row.addNull(column);
            } else if (v instanceof String s) {
              String text = PersonalDataVault.isSealed(s) ? (own ? opener.apply(s) : null) : s;
              if (text == null) {
                row.addNull(column);
              } else {
                row.add(column, text);
              }
            } else if (v instanceof Long || v instanceof Integer || v instanceof Short) {
              row.add(column, ((Number) v).longValue());
            } else if (v instanceof java.math.BigDecimal d) {
              row.add(column, d);
            } else if (v instanceof Boolean b) {
              row.add(column, b);
            } else if (v instanceof byte[] bytes) {
              row.add(column, Base64.getEncoder().encodeToString(bytes));
            } else if (v instanceof java.sql.Timestamp t) {
              row.add(column, t.toInstant().toString());
            } else if (v instanceof OffsetDateTime t) {
              row.add(column, t.toInstant().toString());
            } else {
              row.add(column, v.toString());
            }
          }
          out.add(row);
        }
      }
    }
    return out.build();
  }
}
