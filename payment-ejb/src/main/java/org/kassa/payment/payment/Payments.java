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
