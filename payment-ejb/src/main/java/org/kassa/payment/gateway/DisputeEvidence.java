package org.kassa.payment.gateway;

import java.util.List;

/**
 * The merchant's evidence for a dispute, as sent to the gateway.
 *
 * @param gatewayDisputeId the gateway's id of the dispute
 * @param paymentId Kassa's payment id
 * @param text the merchant's explanation
 * @param files receipts, delivery proofs, conversations
 */
public record DisputeEvidence(
    String gatewayDisputeId, String paymentId, String text, List<File> files) {

  public DisputeEvidence {
    files = List.copyOf(files);
  }

  /** One evidence file. */
  public record File(String name, String contentType, byte[] content) {}
}
