package dev.jwtauth.api.oauth;

import dev.jwtauth.authorize.AuthorizationRequest;
import dev.jwtauth.clients.SignInRules;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The HTML pages of the browser sign-in, written here with every value escaped: no template engine
 * (neither JSP nor JSF is on both servers alike), no script, one stylesheet of our own.
 */
final class LoginPages {

  /** No script, no frames, forms only to us (the login page posts to itself). */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'";

  /**
   * The login page's policy: as {@link #CONTENT_SECURITY_POLICY}, with the origin of the request's
   * (registered) redirect URI among the form's allowed targets. Browsers apply {@code form-action}
   * to the redirects that follow a form's submission too (Chromium does), so with {@code 'self'}
   * alone the answer to a good sign-in — a redirect to the client — was blocked for every client on
   * another origin (OidcRelyingPartyIT, in Chromium).
   */
  static String loginPagePolicy(AuthorizationRequest request) {
    return policyWithFormTarget(request.redirectUri());
  }

  /**
   * {@link #CONTENT_SECURITY_POLICY} with the origin of {@code target} among the form's targets.
   */
  private static String policyWithFormTarget(String target) {
    return "default-src 'none'; style-src 'self'; form-action 'self' "
        + SignInRules.origin(target)
        + "; frame-ancestors 'none'";
  }

  private LoginPages() {}

  /** 400: a request that cannot be answered with a redirect. */
  static Response errorPage(String message) {
    return page(
        400,
        "Sign-in request refused",
        "<h1>This sign-in request cannot be used</h1>\n<p>"
            + escape(message)
            + "</p>\n<p>Go back to the application and try again; if it keeps happening, tell"
            + " its operators.</p>");
  }

  /**
   * 503: the database out of reach or every password-hash slot busy (with the API's Retry-After).
   */
  static Response unavailablePage() {
    return page(
        503,
        "Try again shortly",
        "<h1>The sign-in service is busy</h1>\n<p>It cannot answer right now; please try again"
            + " in a few seconds.</p>");
  }

  /** Any other failure of a browser page: its status, no detail. */
  static Response failurePage(int status) {
    return page(
        status,
        "Something went wrong",
        "<h1>Something went wrong</h1>\n<p>Go back to the application and try again; if it keeps"
            + " happening, tell its operators.</p>");
  }

  /** 200: the browser session has ended and no registered place to go back to was given. */
  static Response signedOutPage() {
    return page(
        200,
        "Signed out",
        "<h1>You are signed out</h1>\n<p>You can close this window, or go back to the"
            + " application.</p>");
  }

  /**
   * 200: "sign out?", for a logout request that did not show it comes from the session's client (no
   * ID token of the browser's session as hint). The form posts the request back with the page's
   * CSRF token; its answer may redirect to {@code back}, so the policy names that origin too.
   *
   * @param clientName who asks, or null
   * @param clientId the request's client, or null
   * @param back the registered place to go back to afterwards, or null
   * @param state the request's state, or null
   */
  static Response signOutPage(
      String clientName, String clientId, String back, String state, String csrf) {
    Map<String, String> hidden = new LinkedHashMap<>();
    hidden.put("client_id", clientId);
    hidden.put("post_logout_redirect_uri", back);
    hidden.put("state", state);
    hidden.put("csrf_token", csrf);
    return page(
        200,
        "Sign out",
        "<h1>Sign out?</h1>\n<p>"
            + (clientName == null
                ? "An application asks"
                : "<strong>" + escape(clientName) + "</strong> asks")
            + " to sign you out. You will be signed out of every application you signed in to"
            + " here.</p>\n<form method=\"post\" action=\"logout\">\n"
            + hiddenInputs(hidden)
            + "  <button type=\"submit\">Sign out</button>\n</form>",
        back == null ? CONTENT_SECURITY_POLICY : policyWithFormTarget(back));
  }

  /** 403: a "sign out?" form without its CSRF cookie (expired, or sent from another site). */
  static Response expiredSignOutPage() {
    return page(
        403,
        "Sign-out refused",
        "<h1>This sign-out page has expired</h1>\n<p>Go back to the application and sign out"
            + " again.</p>");
  }

  /**
   * The login form for a checked request: it posts the request back with the credentials and the
   * page's CSRF token.
   *
   * @param error one generic line above the form, or null
   */
  static Response loginPage(int status, AuthorizationRequest request, String csrf, String error) {
    Map<String, String> hidden = new LinkedHashMap<>();
    hidden.put("response_type", "code");
    hidden.put("client_id", request.client().id());
    hidden.put("redirect_uri", request.redirectUri());
    hidden.put("scope", String.join(" ", request.scopes()));
    hidden.put("state", request.state());
    hidden.put("nonce", request.nonce());
    hidden.put("code_challenge", request.codeChallenge());
    hidden.put("code_challenge_method", request.codeChallenge() == null ? null : "S256");
    hidden.put("max_age", request.maxAge() == null ? null : request.maxAge().toString());
    hidden.put("csrf_token", csrf);
    String name = escape(request.client().displayName());
    return page(
        status,
        "Sign in to " + request.client().displayName(),
        "<h1>Sign in</h1>\n<p>to continue to <strong>"
            + name
            + "</strong></p>\n"
            + (error == null ? "" : "<p class=\"error\" role=\"alert\">" + escape(error) + "</p>\n")
            + "<form method=\"post\" action=\"authorize\">\n"
            + hiddenInputs(hidden)
            + "  <label for=\"username\">Username</label>\n"
            + "  <input id=\"username\" name=\"username\" autocomplete=\"username\" required"
            + (request.loginHint() == null ? "" : " value=\"" + escape(request.loginHint()) + "\"")
            + ">\n"
            + "  <label for=\"password\">Password</label>\n"
            + "  <input id=\"password\" name=\"password\" type=\"password\""
            + " autocomplete=\"current-password\" required>\n"
            + "  <button type=\"submit\">Sign in</button>\n"
            + "</form>",
        loginPagePolicy(request));
  }

  /** The fields with a value, as hidden inputs. */
  private static String hiddenInputs(Map<String, String> fields) {
    StringBuilder inputs = new StringBuilder();
    fields.forEach(
        (name, value) -> {
          if (value != null) {
            inputs
                .append("  <input type=\"hidden\" name=\"")
                .append(name)
                .append("\" value=\"")
                .append(escape(value))
                .append("\">\n");
          }
        });
    return inputs.toString();
  }

  private static Response page(int status, String title, String body) {
    return page(status, title, body, CONTENT_SECURITY_POLICY);
  }

  private static Response page(int status, String title, String body, String policy) {
    String html =
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            + "<title>"
            + escape(title)
            + "</title>\n<link rel=\"stylesheet\" href=\"login.css\">\n</head>\n<body>\n<main>\n"
            + body
            + "\n</main>\n</body>\n</html>\n";
    return Response.status(status)
        .type("text/html; charset=utf-8")
        .header("Content-Security-Policy", policy)
        .header("X-Frame-Options", "DENY")
        .header("Cache-Control", "no-store")
        .header("Referrer-Policy", "no-referrer")
        .header("X-Content-Type-Options", "nosniff")
        .entity(html)
        .build();
  }

  /** Text for HTML element content and double-quoted attribute values. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
