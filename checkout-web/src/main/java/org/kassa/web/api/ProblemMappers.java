package org.kassa.web.api;

import jakarta.ejb.EJBException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kassa.payment.BusinessException;
import org.kassa.payment.InvalidRequestException;
import org.kassa.payment.gateway.GatewayRejectedException;
import org.kassa.payment.idempotency.IdempotencyKeyReusedException;

/** The one family of exception mappers: every error leaves the API as problem+json. */
public final class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

  private ProblemMappers() {}

  /** Business refusals: 404 for not found, 422 for a reused key, 400 for broken rules. */
  @Provider
  public static class BusinessExceptionMapper implements ExceptionMapper<BusinessException> {
    @Override
    public Response toResponse(BusinessException e) {
      return businessProblem(e);
    }
  }

  static Response businessProblem(BusinessException e) {
    if (e instanceof org.kassa.payment.NotFoundException) {
      return Problem.of(404, "not-found", "Not found", e.getMessage());
    }
    if (e instanceof IdempotencyKeyReusedException) {
      return Problem.of(422, "idempotency-key-reused", "Idempotency key reused", e.getMessage());
    }
    if (e instanceof InvalidRequestException invalid) {
      // The business rule's own code is the type: unknown-currency, refund-exceeds-captured, ...
      return Problem.of(
          400,
          e.code().replace('_', '-'),
          "Invalid request",
          e.getMessage(),
          invalid.fieldErrors());
    }
    return Problem.of(409, e.code().replace('_', '-'), "Request refused", e.getMessage());
  }

  /** A gateway refused a capture, void or refund as invalid: nothing changed, 409. */
  @Provider
  public static class GatewayRejectedMapper implements ExceptionMapper<GatewayRejectedException> {
    @Override
    public Response toResponse(GatewayRejectedException e) {
      return Problem.of(
          409,
          "gateway-rejected",
          "Refused by the payment gateway",
          "The gateway refused the request (" + e.code() + "): " + e.getMessage());
    }
  }

  /** Bean Validation failures: 400 with one message per field. */
  @Provider
  public static class ConstraintViolationMapper
      implements ExceptionMapper<ConstraintViolationException> {
    @Override
    public Response toResponse(ConstraintViolationException e) {
      return Problem.invalid(fieldErrors(e));
    }
  }

  /**
   * Adds Bean Validation's findings about a request to the type errors already found, one message
   * per field: a field already wrong in type keeps that message.
   */
  static <T> void addViolations(Map<String, String> errors, Set<ConstraintViolation<T>> found) {
    for (ConstraintViolation<T> v : found) {
      errors.putIfAbsent(jsonPath(v.getPropertyPath()), v.getMessage());
    }
  }

  /** The violations as field path (snake_case, like the JSON) to message. */
  static Map<String, String> fieldErrors(ConstraintViolationException e) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (ConstraintViolation<?> v : e.getConstraintViolations()) {
      errors.merge(jsonPath(v.getPropertyPath()), v.getMessage(), (a, b) -> a + "; " + b);
    }
    return errors;
  }

  /**
   * A constraint violation's property path as the JSON field path, e.g. {@code line_items[0].name}.
   */
  static String jsonPath(Path path) {
    StringBuilder out = new StringBuilder();
    for (Path.Node node : path) {
      if (node.getKind() == jakarta.validation.ElementKind.METHOD
          || node.getKind() == jakarta.validation.ElementKind.PARAMETER
          || node.getName() == null) {
        continue;
      }
      if (node.getIndex() != null && out.length() > 0) {
        out.append('[').append(node.getIndex()).append(']');
      }
      if (node.getName().startsWith("<")) {
        continue; // <list element>
      }
      if (out.length() > 0) {
        out.append('.');
      }
      out.append(snakeCase(node.getName()));
    }
    return out.length() == 0 ? "body" : out.toString();
  }

  static String snakeCase(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }

  /** JAX-RS's own errors (unknown path, wrong method, wrong media type) as problems. */
  @Provider
  public static class WebApplicationExceptionMapper
      implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
      int status = e.getResponse().getStatus();
      if (e instanceof NotFoundException) {
        return Problem.of(404, "not-found", "Not found", "There is no such API resource.");
      }
      if (e instanceof NotAllowedException) {
        return Problem.of(
            405,
            "method-not-allowed",
            "Method not allowed",
            "This resource does not accept that method.");
      }
      if (e instanceof NotSupportedException) {
        return Problem.of(
            415,
            "unsupported-media-type",
            "Unsupported media type",
            "Send the body as application/json.");
      }
      if (status == 413) {
        return Problem.of(
            413,
            "body-too-large",
            "Request body too large",
            "The request body is larger than 64 KiB.");
      }
      if (status >= 400 && status < 500) {
        return Problem.of(
            status, "bad-request", "Bad request", "The request could not be understood.");
      }
      return unexpected(e);
    }
  }

  /**
   * Container exceptions around a business one (an EJB wraps what it does not know) are unwrapped;
   * anything else is a 500 with a reference to the log, never a stack trace.
   */
  @Provider
  public static class EjbExceptionMapper implements ExceptionMapper<EJBException> {
    @Override
    public Response toResponse(EJBException e) {
      Throwable cause = e;
      while (cause != null) {
        if (cause instanceof BusinessException business) {
          return businessProblem(business);
        }
        if (cause instanceof ConstraintViolationException violations) {
          return Problem.invalid(fieldErrors(violations));
        }
        cause = cause.getCause();
      }
      return unexpected(e);
    }
  }

  /** The last resort. */
  @Provider
  public static class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
    @Override
    public Response toResponse(Throwable e) {
      return unexpected(e);
    }
  }

  static Response unexpected(Throwable e) {
    String reference = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "event=api.unexpected_error reference=" + reference, e);
    return Problem.of(
        500,
        "internal-error",
        "Internal error",
        "Something went wrong on our side. Quote reference "
            + reference
            + " if you contact support.");
  }
}
