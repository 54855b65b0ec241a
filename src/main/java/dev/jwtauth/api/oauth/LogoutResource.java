package dev.jwtauth.api.oauth;

import dev.jwtauth.authorize.SignOutService;
import dev.jwtauth.authorize.SignOutService.SignOut;
import dev.jwtauth.authorize.SignOutService.SignedOut;
import dev.jwtauth.crypto.OpaqueValues;
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
import java.util.List;

/**
 * {@code /oauth2/logout} (OpenID Connect RP-Initiated Logout 1.0): ends the browser session and the
 * sessions started through it — asking the user first when the request holds no ID token of that
 * session — then sends the browser to a registered {@code post_logout_redirect_uri} with {@code
 * state}, or shows a "signed out" page (never a redirect to an unregistered place).
 */
@RequestScoped
@Path("oauth2/logout")
@PermitAll
@BrowserPage
public class LogoutResource {

  /** The "sign out?" page's CSRF token, also in its form (double submit). */
  static final String CSRF_COOKIE = "__Host-logout-csrf";

  @Inject SignOutService signOuts;
  @Context UriInfo uri;

  @GET
  public Response logout(@CookieParam(AuthorizeResource.SSO_COOKIE) String browserSession) {
    return logout(uri.getQueryParameters(), browserSession, false);
  }

  /**
   * A logout request sent as a form, or the user's answer to our "sign out?" page (it carries
   * {@code csrf_token}, equal to its cookie's: a double submit).
   */
  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response logoutForm(
      MultivaluedMap<String, String> form,
      @CookieParam(AuthorizeResource.SSO_COOKIE) String browserSession,
      @CookieParam(CSRF_COOKIE) String csrfCookie) {
    if (!form.containsKey("csrf_token")) {
      return logout(form, browserSession, false);
    }
    if (csrfCookie == null
        || !AuthorizeResource.sameValue(csrfCookie, form.getFirst("csrf_token"))) {
      return LoginPages.expiredSignOutPage();
    }
    return Response.fromResponse(logout(form, browserSession, true))
        .header("Set-Cookie", BrowserCookies.csrfCleared(CSRF_COOKIE))
        .build();
  }

  private Response logout(
      MultivaluedMap<String, String> parameters, String browserSession, boolean confirmed) {
    String state = single(parameters, "state");
    SignedOut signedOut =
        signOuts.signOut(
            new SignOut(
                browserSession,
                single(parameters, "id_token_hint"),
                single(parameters, "client_id"),
                single(parameters, "post_logout_redirect_uri"),
                confirmed));
    if (signedOut.askFirst()) {
      String csrf = OpaqueValues.generate();
      return Response.fromResponse(
              LoginPages.signOutPage(
                  signedOut.clientName(),
                  single(parameters, "client_id"),
                  signedOut.back().orElse(null),
                  state,
                  csrf))
          .header("Set-Cookie", BrowserCookies.csrf(CSRF_COOKIE, csrf))
          .build();
    }
    Response.ResponseBuilder answer;
    if (signedOut.back().isPresent()) {
      String back = signedOut.back().get();
      String location =
          state == null
              ? back
              : back
                  + (back.indexOf('?') < 0 ? '?' : '&')
                  + "state="
                  + URLEncoder.encode(state, StandardCharsets.UTF_8);
      answer =
          Response.status(302)
              .location(URI.create(location))
              .header("Cache-Control", "no-store")
              .header("Referrer-Policy", "no-referrer");
    } else {
      answer = Response.fromResponse(LoginPages.signedOutPage());
    }
    return answer
        .header("Set-Cookie", BrowserCookies.cleared(AuthorizeResource.SSO_COOKIE, "Lax"))
        .build();
  }

  /** A parameter given once and not empty, or null (a repeated one counts as absent). */
  private static String single(MultivaluedMap<String, String> parameters, String name) {
    List<String> values = parameters.get(name);
    return values == null || values.size() != 1 || values.get(0).isEmpty() ? null : values.get(0);
  }
}
