package dev.jwtauth.api.http;

import dev.jwtauth.error.ServiceException;
import dev.jwtauth.faults.DatabaseAvailability;
import dev.jwtauth.faults.DatabaseFailures;
import dev.jwtauth.security.ErrorResponses;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.bind.JsonbException;
import jakarta.transaction.TransactionalException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every failure leaves as a JSON error; nothing unexpected leaks a stack trace. Our own failures
 * are {@link ServiceException}s and carry their answer; the other mappers translate the
 * framework's.
 */
public final class ExceptionMappers {

  private ExceptionMappers() {}

  /** Every exception of the service: its status, error code, description and headers. */
  @Provider
  public static class Service implements ExceptionMapper<ServiceException> {
    @Override
    public Response toResponse(ServiceException e) {
      Response.ResponseBuilder answer =
          ErrorResponses.builder(e.status(), e.error(), e.getMessage());
      e.headers().forEach(answer::header);
      return answer.build();
    }
  }

  /** Bean Validation failures of request bodies: 400 with every violation. */
  @Provider
  public static class Violations implements ExceptionMapper<ConstraintViolationException> {
    @Override
    public Response toResponse(ConstraintViolationException e) {
      String description =
          e.getConstraintViolations().stream()
              .map(ConstraintViolation::getMessage)
              .sorted()
              .reduce((a, b) -> a + "; " + b)
              .orElse("The request body is not valid");
      return ErrorResponses.json(400, "invalid_request", description);
    }
  }

  /** A JSON body that JSON-B cannot map onto the expected type (wrong types, broken JSON). */
  @Provider
  public static class UnreadableBody implements ExceptionMapper<JsonbException> {
    @Override
    public Response toResponse(JsonbException e) {
      return ErrorResponses.json(
          400, "invalid_request", "The request body is not valid JSON for this resource");
    }
  }

  @Provider
  public static class Processing implements ExceptionMapper<ProcessingException> {
    @Override
    public Response toResponse(ProcessingException e) {
      return ErrorResponses.json(
          400, "invalid_request", "The request body is not valid JSON for this resource");
    }
  }

  /**
   * JAX-RS's own answers (404, 405, 415, …) as JSON: {@code not_found}, {@code method_not_allowed},
   * ….
   */
  @Provider
  public static class WebApplication implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
      Response original = e.getResponse();
      Response.StatusType status = original.getStatusInfo();
      if (status.getStatusCode() == 400) {
        // e.g. a body that JSON-B cannot read
        return ErrorResponses.json(400, "invalid_request", "The request body is not valid");
      }
      Response.ResponseBuilder answer =
          ErrorResponses.builder(
              status.getStatusCode(), ErrorCodes.forStatus(status.getStatusCode()), null);
      original
          .getHeaders()
          .forEach(
              (name, values) -> {
                if (name.equalsIgnoreCase("Allow") || name.equalsIgnoreCase("WWW-Authenticate")) {
                  values.forEach(v -> answer.header(name, v));
                }
              });
      return answer.build();
    }
  }

  /**
   * A transaction that failed at commit: like any unexpected failure (a database out of reach is
   * 503, see {@link Unexpected}). Mapped here because Payara's Jersey registers a mapper of its own
   * for this type that rethrows, and the server then answers with its HTML error page. (On WildFly
   * the failure is a checked RollbackException, which {@link Unexpected} maps.)
   */
  @Provider
  public static class FailedCommit implements ExceptionMapper<TransactionalException> {
    @Override
    public Response toResponse(TransactionalException e) {
      return Unexpected.answer(e);
    }
  }

  @Provider
  public static class Unexpected implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(Unexpected.class.getName());

    @Override
    public Response toResponse(Throwable e) {
      return answer(e);
    }

    static Response answer(Throwable e) {
      switch (DatabaseFailures.classify(e)) {
        case UNAVAILABLE:
          // Logged once per outage by the availability gate, not once per request.
          return new Service()
              .toResponse(CDI.current().select(DatabaseAvailability.class).get().failed(e));
        case CONFLICT:
          LOG.fine(() -> "The database refused a competing write: " + e);
          return ErrorResponses.json(
              409, "conflict", "The request conflicts with a change made at the same moment");
        default:
          LOG.log(Level.SEVERE, "Unexpected failure", e);
          return ErrorResponses.json(500, "server_error", "The request could not be processed");
      }
    }
  }
}
