package org.kassa.payment.refund;

import org.kassa.payment.BusinessException;

/** A four-eyes decision that cannot be taken. */
public class RefundApprovalException extends BusinessException {

  private RefundApprovalException(String code, String message) {
    super(code, message);
  }

  static RefundApprovalException notAwaiting(String refundId, RefundStatus status) {
    return new RefundApprovalException(
        "refund_not_awaiting_approval",
        "Refund " + refundId + " is " + status.apiName() + " and awaits no approval.");
  }

  static RefundApprovalException sameUser(String refundId) {
    return new RefundApprovalException(
        "four_eyes_required",
        "Refund " + refundId + " must be approved by another merchant admin than its requester.");
  }
}
