package dev.jwtauth.api;

import dev.jwtauth.security.ErrorResponses;
import dev.jwtauth.token.InvalidGrantException;
import dev.jwtauth.login.PasswordChangeService;
import dev.jwtauth.token.InvalidScopeException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every failure leaves as a JSON error; nothing unexpected leaks a stack trace. */
public final class ExceptionMappers {

  private ExceptionMappers() {}

  @Provider
  public static class InvalidRequest implements ExceptionMapper<InvalidRequestException> {
    @Override
    public Response toResponse(InvalidRequestException e) {
      return ErrorResponses.json(400, "invalid_request", e.getMessage());
    }
  }

  @Provider
  public static class InvalidGrant implements ExceptionMapper<InvalidGrantException> {
    @Override
    public Response toResponse(InvalidGrantException e) {
      return ErrorResponses.json(401, "invalid_grant", e.getMessage());
    }
  }

  @Provider
  public static class InvalidScope implements ExceptionMapper<InvalidScopeException> {
    @Override
    public Response toResponse(InvalidScopeException e) {
      return ErrorResponses.json(400, "invalid_scope", e.getMessage());
    }
  }

  @Provider
  public static class Csrf implements ExceptionMapper<LoginResource.CsrfException> {
    @Override
    public Response toResponse(LoginResource.CsrfException e) {
      return ErrorResponses.json(403, "csrf", e.getMessage());
    }
  }

  @Provider
  public static class WeakPassword implements ExceptionMapper<PasswordChangeService.WeakPasswordException> {
    @Override
    public Response toResponse(PasswordChangeService.WeakPasswordException e) {
      return ErrorResponses.json(400, "invalid_request", e.getMessage());
    }
  }

  @Provider
  public static class WrongPassword implements ExceptionMapper<PasswordChangeService.WrongPasswordException> {
    @Override
    public Response toResponse(PasswordChangeService.WrongPasswordException e) {
      return ErrorResponses.json(403, "forbidden", e.getMessage());
    }
  }

  @Provider
  public static class InvalidClient implements ExceptionMapper<OAuthResource.InvalidClientException> {
    @Override
    public Response toResponse(OAuthResource.InvalidClientException e) {
      return ErrorResponses.builder(401, "invalid_client", e.getMessage())
          .header(jakarta.ws.rs.core.HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"oauth2\"")
          .build();
    }
  }

  /** The token endpoint's RFC 6749 §5.2 errors, with their own status. */
  @Provider
  public static class OAuth implements ExceptionMapper<dev.jwtauth.oauth.OAuthException> {
    @Override
    public Response toResponse(dev.jwtauth.oauth.OAuthException e) {
      return ErrorResponses.builder(e.status(), e.error(), e.getMessage()).header("Pragma", "no-cache").build();
    }
  }

  @Provider
  public static class InvalidClientDefinition
      implements ExceptionMapper<dev.jwtauth.clients.ClientRegistry.InvalidClientDefinitionException> {
    @Override
    public Response toResponse(dev.jwtauth.clients.ClientRegistry.InvalidClientDefinitionException e) {
      return ErrorResponses.json(400, "invalid_request", e.getMessage());
    }
  }

  @Provider
  public static class DuplicateClient implements ExceptionMapper<dev.jwtauth.clients.ClientRegistry.DuplicateClientException> {
    @Override
    public Response toResponse(dev.jwtauth.clients.ClientRegistry.DuplicateClientException e) {
      return ErrorResponses.json(409, "conflict", e.getMessage());
    }
  }

  @Provider
  public static class TaskNotFound implements ExceptionMapper<dev.jwtauth.tasks.TaskService.TaskNotFoundException> {
    @Override
    public Response toResponse(dev.jwtauth.tasks.TaskService.TaskNotFoundException e) {
      return ErrorResponses.json(404, "not_found", e.getMessage());
    }
  }

  @Provider
  public static class NotOwner implements ExceptionMapper<dev.jwtauth.tasks.TaskService.NotOwnerException> {
    @Override
    public Response toResponse(dev.jwtauth.tasks.TaskService.NotOwnerException e) {
      return ErrorResponses.json(403, "forbidden", e.getMessage());
    }
  }

  /** Bean Validation failures of request bodies: 400 with every violation. */
  @Provider
  public static class Violations implements ExceptionMapper<jakarta.validation.ConstraintViolationException> {
    @Override
    public Response toResponse(jakarta.validation.ConstraintViolationException e) {
      String description = e.getConstraintViolations().stream()
          .map(jakarta.validation.ConstraintViolation::getMessage)
          .sorted()
          .reduce((a, b) -> a + "; " + b)
          .orElse("The request body is not valid");
      return ErrorResponses.json(400, "invalid_request", description);
    }
  }

  /** A JSON body that JSON-B cannot map onto the expected type (wrong types, broken JSON). */
  @Provider
  public static class UnreadableBody implements ExceptionMapper<jakarta.json.bind.JsonbException> {
    @Override
    public Response toResponse(jakarta.json.bind.JsonbException e) {
      return ErrorResponses.json(400, "invalid_request", "The request body is not valid JSON for this resource");
    }
  }

  @Provider
  public static class Processing implements ExceptionMapper<jakarta.ws.rs.ProcessingException> {
    @Override
    public Response toResponse(jakarta.ws.rs.ProcessingException e) {
      return ErrorResponses.json(400, "invalid_request", "The request body is not valid JSON for this resource");
    }
  }

  @Provider
  public static class InvalidUser implements ExceptionMapper<dev.jwtauth.admin.UserAdministration.InvalidUserException> {
    @Override
    public Response toResponse(dev.jwtauth.admin.UserAdministration.InvalidUserException e) {
      return ErrorResponses.json(400, "invalid_request", e.getMessage());
    }
  }

  @Provider
  public static class DuplicateUser implements ExceptionMapper<dev.jwtauth.admin.UserAdministration.DuplicateUserException> {
    @Override
    public Response toResponse(dev.jwtauth.admin.UserAdministration.DuplicateUserException e) {
      return ErrorResponses.json(409, "conflict", e.getMessage());
    }
  }

  /** JAX-RS's own answers (404, 405, 415, …) as JSON: {@code not_found}, {@code method_not_allowed}, …. */
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
      String error = status.getReasonPhrase() == null
          ? "http_" + status.getStatusCode()
          : status.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '_');
      Response.ResponseBuilder answer = ErrorResponses.builder(status.getStatusCode(), error, null);
      original.getHeaders().forEach((name, values) -> {
        if (name.equalsIgnoreCase("Allow") || name.equalsIgnoreCase("WWW-Authenticate")) {
          values.forEach(v -> answer.header(name, v));
        }
      });
      return answer.build();
    }
  }

  @Provider
  public static class Unexpected implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(Unexpected.class.getName());

    @Override
    public Response toResponse(Throwable e) {
      LOG.log(Level.SEVERE, "Unexpected failure", e);
      return ErrorResponses.json(500, "server_error", "The request could not be processed");
    }
  }
}
