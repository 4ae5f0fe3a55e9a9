package org.kassa.payment.payment;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Optional;
import org.kassa.payment.NotFoundException;

/** Reads payments: one by id, or a merchant's, newest first. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class Payments {

  @PersistenceContext(unitName = "payment")
  private EntityManager em;

  /**
   * The merchant's payment.
   *
   * @throws NotFoundException if it does not exist or belongs to another merchant
   */
  public Payment get(@NotBlank String merchantId, String paymentId) {
    return find(paymentId)
        .filter(p -> p.merchantId().equals(merchantId))
        .orElseThrow(() -> new NotFoundException("payment", paymentId));
  }

  public Optional<Payment> find(String paymentId) {
    if (paymentId == null || paymentId.length() > 40) {
      return Optional.empty();
    }
    return Optional.ofNullable(em.find(Payment.class, paymentId));
  }

  /** A page of the merchant's payments, newest first; {@code status} null means all. */
  public List<Payment> page(
      @NotBlank String merchantId,
      PaymentStatus status,
      @Min(0) int first,
      @Min(1) @Max(500) int max) {
    return query(
            merchantId,
            status,
            "SELECT p FROM Payment p",
            " ORDER BY p.createdAt DESC, p.id",
            Payment.class)
        .setFirstResult(first)
        .setMaxResults(max)
        .getResultList();
  }

  /**
   * A page of the merchant's payments, newest first, after a cursor: the API's pagination, which
   * stays stable while new payments arrive (an offset would shift).
   *
   * @param startingAfter the last payment id of the previous page, or null for the first page
   * @return up to {@code limit} payments
   * @throws NotFoundException if the cursor is not one of the merchant's payments
   */
  public List<Payment> pageAfter(
      @NotBlank String merchantId,
      PaymentStatus status,
      String startingAfter,
      @Min(1) @Max(101) int limit) {
    String cursor = "";
    Payment after = null;
    if (startingAfter != null) {
      after = get(merchantId, startingAfter);
      cursor = " AND (p.createdAt < :c OR (p.createdAt = :c AND p.id > :i))";
    }
    TypedQuery<Payment> q =
        query(
            merchantId,
            status,
            "SELECT p FROM Payment p",
            cursor + " ORDER BY p.createdAt DESC, p.id",
            Payment.class);
    if (after != null) {
      q.setParameter("c", after.createdAt().atOffset(java.time.ZoneOffset.UTC))
          .setParameter("i", after.id());
    }
    return q.setMaxResults(limit).getResultList();
  }

  public long count(@NotBlank String merchantId, PaymentStatus status) {
    return query(merchantId, status, "SELECT COUNT(p) FROM Payment p", "", Long.class)
        .getSingleResult();
  }

  /**
   * All payments of a session, oldest first (a session may have failed attempts before it is paid).
   */
  public List<Payment> ofSession(String sessionId) {
    return em.createQuery(
            "SELECT p FROM Payment p WHERE p.sessionId = :s ORDER BY p.createdAt", Payment.class)
        .setParameter("s", sessionId)
        .getResultList();
  }

  /**
   * A page of the merchant's payments that match {@code filter}, in {@code order}: the console's
   * search. Only ever the merchant's own payments.
   */
  public List<Payment> search(
      @NotBlank String merchantId,
      @NotNull PaymentFilter filter,
      @NotNull PaymentOrder order,
      @Min(0) int first,
      @Min(1) @Max(500) int max) {
    return matching(
            merchantId,
            filter,
            "SELECT p FROM Payment p",
            " ORDER BY " + order.jpql(),
            Payment.class)
        .setFirstResult(first)
        .setMaxResults(max)
        .getResultList();
  }

  /** How many of the merchant's payments match {@code filter}. */
  public long countMatching(@NotBlank String merchantId, @NotNull PaymentFilter filter) {
    return matching(merchantId, filter, "SELECT COUNT(p) FROM Payment p", "", Long.class)
        .getSingleResult();
  }

  private <T> TypedQuery<T> matching(
      String merchantId, PaymentFilter f, String select, String order, Class<T> type) {
    StringBuilder where = new StringBuilder(" WHERE p.merchantId = :m");
    java.util.Map<String, Object> params = new java.util.LinkedHashMap<>();
    params.put("m", merchantId);
    if (f.status() != null) {
      where.append(" AND p.status = :status");
      params.put("status", f.status());
    }
    if (f.method() != null) {
      where.append(" AND p.method = :method");
      params.put("method", f.method());
    }
    if (f.currency() != null) {
      where.append(" AND p.currency.code = :currency");
      params.put("currency", f.currency().code());
    }
    if (f.minAmount() != null) {
      where.append(" AND p.amount >= :minAmount");
      params.put("minAmount", f.minAmount());
    }
    if (f.maxAmount() != null) {
      where.append(" AND p.amount <= :maxAmount");
      params.put("maxAmount", f.maxAmount());
    }
    if (f.from() != null) {
      where.append(" AND p.createdAt >= :from");
      params.put("from", f.from().atOffset(java.time.ZoneOffset.UTC));
    }
    if (f.until() != null) {
      where.append(" AND p.createdAt < :until");
      params.put("until", f.until().atOffset(java.time.ZoneOffset.UTC));
    }
    if (f.customerId() != null) {
      where.append(" AND p.customerId = :customer");
      params.put("customer", f.customerId());
    }
    if (f.subjectRef() != null) {
      where.append(" AND p.subjectRef = :subject");
      params.put("subject", f.subjectRef());
    }
    TypedQuery<T> q = em.createQuery(select + where + order, type);
    params.forEach(q::setParameter);
    return q;
  }

  private <T> TypedQuery<T> query(
      String merchantId, PaymentStatus status, String select, String order, Class<T> type) {
    String where = " WHERE p.merchantId = :m" + (status == null ? "" : " AND p.status = :s");
    TypedQuery<T> q = em.createQuery(select + where + order, type).setParameter("m", merchantId);
    if (status != null) {
      q.setParameter("s", status);
    }
    return q;
  }
}
