package dev.jwtauth.api.auth;

import dev.jwtauth.api.http.InvalidRequestException;
import dev.jwtauth.api.http.JsonBodies;
import dev.jwtauth.api.http.RequestOrigin;
import dev.jwtauth.api.http.TokenResponses;
import dev.jwtauth.clients.Client;
import dev.jwtauth.clients.ClientRegistry;
import dev.jwtauth.crypto.OpaqueValues;
import dev.jwtauth.guard.GuardSettings;
import dev.jwtauth.login.LoginService;
import dev.jwtauth.refresh.RefreshService;
import dev.jwtauth.refresh.SessionView;
import dev.jwtauth.secrets.CsrfTokens;
import dev.jwtauth.security.AuthenticationFailure;
import dev.jwtauth.security.ErrorResponses;
import dev.jwtauth.token.InvalidGrantException;
import dev.jwtauth.token.TokenGrant;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The first-party JSON login API (docs/api.md), for the public client {@code web}. */
@RequestScoped
@Path("auth")
@PermitAll
public class LoginResource {

  @Inject LoginService logins;
  @Inject ClientRegistry clients;
  @Inject RefreshService sessions;
  @Inject GuardSettings guard;
  @Inject CsrfTokens csrfTokens;
  @Inject RequestOrigin origin;
  @Inject JsonWebToken caller;
  @Context HttpServletRequest request;

  @POST
  @Path("login")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response login(
      @Valid @NotNull(message = "The request body must be a JSON object") LoginRequest request) {
    TokenGrant grant =
        logins.login(
            request.username(),
            request.password().toCharArray(),
            request.scope(),
            webClient(),
            origin.clientAddress());
    return tokenResponse(grant, "cookie".equals(request.tokenDelivery()));
  }

  /**
   * Body mode: {@code {"refresh_token"}}. Cookie mode: no body, an empty one or one without {@code
   * refresh_token} (browsers often send {@code {}}), the {@code __Host-refresh_token} cookie and
   * the session's CSRF token in the header.
   */
  @POST
  @Path("refresh")
  @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD}) // see MediaTypeFeature
  @Produces(MediaType.APPLICATION_JSON)
  public Response refresh(
      String body,
      @CookieParam(RefreshCookies.REFRESH) String refreshCookie,
      @CookieParam(RefreshCookies.CSRF) String csrfCookie,
      @HeaderParam(RefreshCookies.CSRF_HEADER) String csrfHeader) {
    String fromBody =
        body == null || body.isBlank() ? null : refreshTokenField(JsonBodies.object(body));
    if (fromBody != null) {
      return tokenResponse(sessions.refresh(fromBody, LoginService.WEB_CLIENT), false);
    }
    if (refreshCookie == null || refreshCookie.isEmpty()) {
      throw new InvalidRequestException("refresh_token is required");
    }
    String value = checkedLength(refreshCookie);
    SessionView session =
        sessions
            .sessionOfToken(value)
            .orElseThrow(() -> new InvalidGrantException("The refresh token is not valid"));
    requireCsrf(session.id(), csrfCookie, csrfHeader);
    return tokenResponse(sessions.refresh(value, LoginService.WEB_CLIENT), true);
  }

  /**
   * Ends the caller's session: the one of the bearer token's {@code sid}, or the one of the refresh
   * cookie.
   */
  @POST
  @Path("logout")
  public Response logout(
      @CookieParam(RefreshCookies.REFRESH) String refreshCookie,
      @CookieParam(RefreshCookies.CSRF) String csrfCookie,
      @HeaderParam(RefreshCookies.CSRF_HEADER) String csrfHeader) {
    if (refreshCookie != null && !refreshCookie.isEmpty()) {
      Optional<SessionView> session = sessions.sessionOfToken(checkedLength(refreshCookie));
      if (session.isPresent()) {
        requireCsrf(session.get().id(), csrfCookie, csrfHeader);
        sessions.logoutSession(session.get().userId(), session.get().id());
      } else if (!RefreshCookies.csrfMatches(csrfCookie, csrfHeader)) {
        throw new CsrfException(); // no session to bind to: at least the double submit
      }
      endBearerSession();
      return Response.noContent().cookie(RefreshCookies.cleared()).build();
    }
    Object failure = request.getAttribute(AuthenticationFailure.ATTRIBUTE);
    if (failure != null || caller.getSubject() == null) {
      return ErrorResponses.unauthenticated((AuthenticationFailure) failure, guard.realm());
    }
    endBearerSession();
    return Response.noContent().build();
  }

  /** The first-party client's registration (its scopes and lifetime), defined at every start. */
  private Client webClient() {
    return clients
        .find(Client.WEB)
        .orElseThrow(() -> new IllegalStateException("The client web is not registered"));
  }

  private void endBearerSession() {
    if (caller.getSubject() != null && caller.getTokenID() != null) {
      sessions.logout(
          caller.getSubject(),
          caller.getClaim("sid"),
          caller.getTokenID(),
          Instant.ofEpochSecond(caller.getExpirationTime()));
    }
  }

  /** The body's refresh_token, or null when it has none (cookie mode). */
  private static String refreshTokenField(JsonObject json) {
    String value = JsonBodies.optionalString(json, "refresh_token", Integer.MAX_VALUE);
    return value == null || value.isEmpty() ? null : checkedLength(value);
  }

  private static String checkedLength(String value) {
    if (value.length() > OpaqueValues.MAX_LENGTH) {
      throw new InvalidRequestException("refresh_token is too long");
    }
    return value;
  }

  /** Double submit, and the value must be the one derived from this session (docs/security.md). */
  private void requireCsrf(String sessionId, String cookie, String header) {
    if (!RefreshCookies.csrfMatches(cookie, header) || !csrfTokens.matches(sessionId, header)) {
      throw new CsrfException();
    }
  }

  private Response tokenResponse(TokenGrant grant, boolean cookieMode) {
    Response.ResponseBuilder response = TokenResponses.ok(grant, !cookieMode);
    if (cookieMode) {
      response.cookie(
          RefreshCookies.refresh(grant.refreshToken(), grant.refreshExpiresInSeconds()),
          RefreshCookies.csrf(
              csrfTokens.forSession(grant.sessionId()), grant.refreshExpiresInSeconds()));
    }
    return response.build();
  }
}
