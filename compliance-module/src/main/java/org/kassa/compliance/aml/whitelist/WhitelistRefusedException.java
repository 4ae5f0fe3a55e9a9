package org.kassa.compliance.aml.whitelist;

import jakarta.ejb.ApplicationException;
import java.util.Map;

/** A whitelisting an officer asked for that the rules refuse; nothing was stored. */
@ApplicationException(rollback = true)
public class WhitelistRefusedException extends RuntimeException {

  /** Why. */
  public enum Kind {
    /** Missing or invalid fields: see {@link #fieldErrors()}. */
    INVALID,
    /** No such whitelisting. */
    NOT_FOUND,
    /** It was revoked or void already. */
    ENDED
  }

  private final Kind kind;
  private final Map<String, String> fieldErrors;

  WhitelistRefusedException(Kind kind, String message, Map<String, String> fieldErrors) {
    super(message);
    this.kind = kind;
    this.fieldErrors = Map.copyOf(fieldErrors);
  }

  static WhitelistRefusedException invalid(Map<String, String> fieldErrors) {
    return new WhitelistRefusedException(
        Kind.INVALID, "Some fields are missing or invalid; see errors.", fieldErrors);
  }

  public Kind kind() {
    return kind;
  }

  /** Field name (as in the API) to what is wrong with it. */
  public Map<String, String> fieldErrors() {
    return fieldErrors;
  }
}
