package dev.jwtauth.api.oauth;

import dev.jwtauth.authorize.AuthorizationRequests;
import dev.jwtauth.authorize.AuthorizationRequests.ErrorPage;
import dev.jwtauth.authorize.AuthorizationRequests.ErrorRedirect;
import dev.jwtauth.authorize.AuthorizationRequests.Outcome;
import dev.jwtauth.authorize.AuthorizationRequests.Valid;
import dev.jwtauth.clients.ClientRegistry;
import dev.jwtauth.config.TokenSettings;
import dev.jwtauth.crypto.OpaqueValues;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /oauth2/authorize}: the authorization code flow's front door. A request the client
 * cannot be trusted with gets an error page; any other error goes back to the client's redirect URI
 * with {@code iss} (RFC 9207); a good request gets the login page.
 */
@RequestScoped
@Path("oauth2/authorize")
@PermitAll
public class AuthorizeResource {

  /** The login form's CSRF token, also in the form (double submit); read when the form comes. */
  static final String CSRF_COOKIE = "__Host-login-csrf";

  @Inject ClientRegistry clients;
  @Inject TokenSettings settings;
  @Context UriInfo uri;

  @GET
  public Response authorize() {
    Outcome outcome = AuthorizationRequests.check(uri.getQueryParameters(), clients::find);
    if (outcome instanceof ErrorPage page) {
      return LoginPages.errorPage(page.message());
    }
    if (outcome instanceof ErrorRedirect error) {
      return backToTheClient(error);
    }
    Valid valid = (Valid) outcome;
    if ("none".equals(valid.request().prompt())) {
      // No browser session can exist yet: none was asked to log in silently.
      return backToTheClient(
          new ErrorRedirect(
              valid.request().redirectUri(),
              "login_required",
              "The user is not signed in",
              valid.request().state()));
    }
    String csrf = OpaqueValues.generate();
    return Response.fromResponse(LoginPages.loginPage(200, valid.request(), csrf, null))
        .header(
            "Set-Cookie",
            CSRF_COOKIE + "=" + csrf + "; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=3600")
        .build();
  }

  private Response backToTheClient(ErrorRedirect error) {
    StringBuilder location = new StringBuilder(error.redirectUri());
    location.append(error.redirectUri().indexOf('?') < 0 ? '?' : '&');
    location.append("error=").append(encode(error.error()));
    location.append("&error_description=").append(encode(error.description()));
    if (error.state() != null) {
      location.append("&state=").append(encode(error.state()));
    }
    location.append("&iss=").append(encode(settings.issuer()));
    return Response.status(302)
        .location(URI.create(location.toString()))
        .header("Cache-Control", "no-store")
        .header("Referrer-Policy", "no-referrer")
        .build();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
