package org.kassa.payment.idempotency;

import java.util.Optional;
import org.kassa.payment.BusinessException;

/**
 * The first request with this key is still running, or was interrupted after it created something
 * (which it names).
 */
public class IdempotencyKeyInUseException extends BusinessException {

  private final String resourceType;
  private final String resourceId;

  public IdempotencyKeyInUseException(String resourceType, String resourceId) {
    super(
        "idempotency_key_in_use",
        resourceId == null
            ? "A request with this Idempotency-Key is still being processed. Retry it in a moment."
            : "The first request with this Idempotency-Key was interrupted after it created "
                + resourceType
                + " "
                + resourceId
                + ". Retrieve it instead of sending the request again.");
    this.resourceType = resourceType;
    this.resourceId = resourceId;
  }

  /** What the interrupted first request created, if anything. */
  public Optional<String> resourceId() {
    return Optional.ofNullable(resourceId);
  }

  public Optional<String> resourceType() {
    return Optional.ofNullable(resourceType);
  }
}
