package org.kassa.compliance.gate;

import jakarta.ejb.ApplicationException;
import java.util.Map;

/** Case work the rules refuse (a decided case is {@link CaseDecidedException}); nothing changed. */
@ApplicationException(rollback = true)
public class CaseWorkRefusedException extends RuntimeException {

  /** Why. */
  public enum Kind {
    /** A missing or invalid field: see {@link #fieldErrors()}. */
    INVALID,
    /** No such case. */
    NOT_FOUND,
    /** The case is escalated already. */
    ALREADY_ESCALATED
  }

  private final Kind kind;
  private final Map<String, String> fieldErrors;

  public CaseWorkRefusedException(Kind kind, String message, Map<String, String> fieldErrors) {
    super(message);
    this.kind = kind;
    this.fieldErrors = Map.copyOf(fieldErrors);
  }

  public static CaseWorkRefusedException invalid(String field, String problem) {
    return new CaseWorkRefusedException(
        Kind.INVALID, field + " " + problem + ".", Map.of(field, problem));
  }

  public Kind kind() {
    return kind;
  }

  /** Field name (as in the API) to what is wrong with it. */
  public Map<String, String> fieldErrors() {
    return fieldErrors;
  }
}
