package dev.jwtauth.api.oauth;

import dev.jwtauth.api.http.RequestOrigin;
import dev.jwtauth.authorize.AuthorizationRequest;
import dev.jwtauth.authorize.AuthorizationRequests;
import dev.jwtauth.authorize.AuthorizationRequests.ErrorPage;
import dev.jwtauth.authorize.AuthorizationRequests.ErrorRedirect;
import dev.jwtauth.authorize.AuthorizationRequests.Outcome;
import dev.jwtauth.authorize.AuthorizationRequests.Valid;
import dev.jwtauth.authorize.SignInService;
import dev.jwtauth.clients.ClientRegistry;
import dev.jwtauth.config.SignInSettings;
import dev.jwtauth.config.TokenSettings;
import dev.jwtauth.crypto.OpaqueValues;
import dev.jwtauth.throttle.TooManyAttemptsException;
import dev.jwtauth.token.InvalidGrantException;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /oauth2/authorize}: the authorization code flow's front door. A request the client cannot
 * be trusted with gets an error page; any other error goes back to the client's redirect URI with
 * {@code iss} (RFC 9207); a good request gets a code at once from a live browser session, or the
 * login page, whose form posts back here.
 */
@RequestScoped
@Path("oauth2/authorize")
@PermitAll
@BrowserPage
public class AuthorizeResource {

  /** The login form's CSRF token, also in the form (double submit); read when the form comes. */
  static final String CSRF_COOKIE = "__Host-login-csrf";

  /** The browser session (single sign-on). */
  static final String SSO_COOKIE = "__Host-sso";

  private static final String BAD_CREDENTIALS = "Invalid username or password.";

  @Inject ClientRegistry clients;
  @Inject SignInService signIns;
  @Inject TokenSettings settings;
  @Inject SignInSettings signInSettings;
  @Inject RequestOrigin origin;
  @Context UriInfo uri;

  @GET
  public Response authorize(@CookieParam(SSO_COOKIE) String browserSession) {
    return authorize(uri.getQueryParameters(), browserSession);
  }

  /**
   * The login form's submission (it carries {@code csrf_token}), or an authorization request sent
   * as a form (OIDC Core §3.1.2.1).
   */
  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response submit(
      MultivaluedMap<String, String> form,
      @CookieParam(CSRF_COOKIE) String csrfCookie,
      @CookieParam(SSO_COOKIE) String browserSession) {
    if (!form.containsKey("csrf_token")) {
      return authorize(form, browserSession);
    }
    Outcome outcome = AuthorizationRequests.check(form, clients::find);
    if (!(outcome instanceof Valid valid)) {
      return refusal(outcome);
    }
    AuthorizationRequest request = valid.request();
    if (csrfCookie == null || !sameValue(csrfCookie, form.getFirst("csrf_token"))) {
      return loginPage(
          403, request, "This sign-in page has expired. Please sign in again.", Map.of());
    }
    String username = form.getFirst("username");
    String password = form.getFirst("password");
    if (username == null || username.isEmpty() || password == null || password.isEmpty()) {
      return loginPage(400, request, "Enter your username and password.", Map.of());
    }
    SignInService.SignedIn signedIn;
    try {
      signedIn = signIns.signIn(username, password.toCharArray(), request, origin.clientAddress());
    } catch (InvalidGrantException e) {
      return loginPage(401, request, BAD_CREDENTIALS, Map.of());
    } catch (TooManyAttemptsException e) {
      return loginPage(
          429,
          request,
          "Too many sign-in attempts. Try again in " + e.retryAfterSeconds() + " seconds.",
          e.headers());
    }
    return Response.fromResponse(withCode(request, signedIn.code()))
        .header(
            "Set-Cookie",
            BrowserCookies.set(
                SSO_COOKIE, signedIn.browserSessionValue(), "Lax", signInSettings.ssoLifetime()))
        .header("Set-Cookie", BrowserCookies.csrfCleared(CSRF_COOKIE))
        .build();
  }

  private Response authorize(MultivaluedMap<String, String> parameters, String browserSession) {
    Outcome outcome = AuthorizationRequests.check(parameters, clients::find);
    if (!(outcome instanceof Valid valid)) {
      return refusal(outcome);
    }
    AuthorizationRequest request = valid.request();
    Optional<String> code = signIns.continueSession(browserSession, request);
    if (code.isPresent()) {
      return withCode(request, code.get());
    }
    if ("none".equals(request.prompt())) {
      return backToTheClient(
          new ErrorRedirect(
              request.redirectUri(),
              "login_required",
              "The user is not signed in",
              request.state()));
    }
    return loginPage(200, request, null, Map.of());
  }

  private Response refusal(Outcome outcome) {
    return outcome instanceof ErrorPage page
        ? LoginPages.errorPage(page.message())
        : backToTheClient((ErrorRedirect) outcome);
  }

  /** The login page with a new CSRF token (in the page and in its cookie). */
  private static Response loginPage(
      int status, AuthorizationRequest request, String error, Map<String, String> headers) {
    String csrf = OpaqueValues.generate();
    Response.ResponseBuilder page =
        Response.fromResponse(LoginPages.loginPage(status, request, csrf, error))
            .header("Set-Cookie", BrowserCookies.csrf(CSRF_COOKIE, csrf));
    headers.forEach(page::header);
    return page.build();
  }

  private Response withCode(AuthorizationRequest request, String code) {
    StringBuilder location = new StringBuilder(request.redirectUri());
    location.append(request.redirectUri().indexOf('?') < 0 ? '?' : '&');
    location.append("code=").append(encode(code));
    return redirect(location, request.state());
  }

  private Response backToTheClient(ErrorRedirect error) {
    StringBuilder location = new StringBuilder(error.redirectUri());
    location.append(error.redirectUri().indexOf('?') < 0 ? '?' : '&');
    location.append("error=").append(encode(error.error()));
    location.append("&error_description=").append(encode(error.description()));
    return redirect(location, error.state());
  }

  private Response redirect(StringBuilder location, String state) {
    if (state != null) {
      location.append("&state=").append(encode(state));
    }
    location.append("&iss=").append(encode(settings.issuer()));
    return Response.status(302)
        .location(URI.create(location.toString()))
        .header("Cache-Control", "no-store")
        .header("Referrer-Policy", "no-referrer")
        .build();
  }

  /** Whether a form's CSRF token is its cookie's (in constant time). */
  static boolean sameValue(String expected, String presented) {
    return presented != null
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
