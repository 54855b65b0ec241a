package dev.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /oauth2/authorize} as a browser meets it: an error page where a redirect could be
 * abused, the error sent back to the client (with {@code state} and {@code iss}) otherwise, and the
 * login page for a good request, with its security headers and CSRF cookie.
 */
class AuthorizeEndpointIT extends ServiceIT {

  private static final String CALLBACK = "http://127.0.0.1:9091/cb";
  private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

  private String spa;

  @BeforeEach
  void aPublicClient() {
    String admin = "authorize-admin-" + UUID.randomUUID();
    http.createUser(admin, PASSWORD, "user", "admin");
    spa = "spa-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> created =
        http.postJson(
            "admin/clients",
            "{\"client_id\":\""
                + spa
                + "\",\"type\":\"public\",\"name\":\"Tasks <b>&amp; \\\"more\\\"\","
                + "\"grant_types\":[\"authorization_code\",\"refresh_token\"],"
                + "\"scopes\":[\"openid\",\"profile\",\"tasks:read\"],"
                + "\"redirect_uris\":[\""
                + CALLBACK
                + "\"]}",
            http.login(admin, PASSWORD));
    assertEquals(201, created.statusCode(), created.body());
  }

  @Test
  void aGoodRequestGetsTheLoginPage() {
    Map<String, String> params = spaRequest();
    params.put("login_hint", "alice\"><script>");
    HttpResponse<String> page = authorize(params);
    assertEquals(200, page.statusCode(), page.body());
    assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertSecurityHeaders(page, "'self' http://127.0.0.1:9091");
    String html = page.body();
    assertTrue(html.contains("Tasks &lt;b&gt;&amp;amp; &quot;more&quot;"), html);
    assertFalse(html.contains("<script"), "nothing of the request is left unescaped: " + html);
    assertTrue(html.contains("value=\"alice&quot;&gt;&lt;script&gt;\""), html);
    assertTrue(html.contains("<label for=\"username\">"), "labelled fields");
    assertTrue(html.contains("<label for=\"password\">"), "labelled fields");
    assertTrue(html.contains("name=\"code_challenge\" value=\"" + CHALLENGE + "\""), html);
    String cookie =
        page.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("__Host-login-csrf="))
            .findFirst()
            .orElseThrow(() -> new AssertionError(page.headers().map().toString()));
    assertTrue(cookie.contains("Secure") && cookie.contains("HttpOnly"), cookie);
    assertTrue(cookie.contains("Path=/"), cookie);
    String token = cookie.substring("__Host-login-csrf=".length(), cookie.indexOf(';'));
    assertTrue(html.contains("name=\"csrf_token\" value=\"" + token + "\""), "double submit");

    HttpResponse<String> css = http.get("oauth2/login.css");
    assertEquals(200, css.statusCode());
    assertTrue(css.headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
  }

  @Test
  void anUnknownClientOrAnUnregisteredRedirectUriGetsAnErrorPageNeverARedirect() {
    Map<String, String> unknown = spaRequest();
    unknown.put("client_id", "no-such-client");
    Map<String, String> elsewhere = spaRequest();
    elsewhere.put("redirect_uri", "https://attacker.example.com/cb");
    for (Map<String, String> params : java.util.List.of(unknown, elsewhere)) {
      HttpResponse<String> page = authorize(params);
      assertEquals(400, page.statusCode(), page.body());
      assertTrue(page.headers().firstValue("Location").isEmpty());
      assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
      assertSecurityHeaders(page, "'self'");
      assertFalse(page.body().contains("attacker.example.com"), page.body());
    }
  }

  @Test
  void otherErrorsGoBackToTheClientWithStateAndIssuer() {
    String issuer = SharedService.ENVIRONMENT.get("AUTH_ISSUER");
    Map<String, String> token = spaRequest();
    token.put("response_type", "token");
    assertRedirect(authorize(token), "unsupported_response_type", issuer);
    Map<String, String> plain = spaRequest();
    plain.put("code_challenge_method", "plain");
    assertRedirect(authorize(plain), "invalid_request", issuer);
    Map<String, String> noPkce = spaRequest();
    noPkce.remove("code_challenge");
    noPkce.remove("code_challenge_method");
    assertRedirect(authorize(noPkce), "invalid_request", issuer);
    Map<String, String> scope = spaRequest();
    scope.put("scope", "openid admin");
    assertRedirect(authorize(scope), "invalid_scope", issuer);
    Map<String, String> silent = spaRequest();
    silent.put("prompt", "none");
    assertRedirect(authorize(silent), "login_required", issuer);
  }

  private static void assertRedirect(HttpResponse<String> answer, String error, String issuer) {
    assertEquals(302, answer.statusCode(), answer.body());
    String location = answer.headers().firstValue("Location").orElseThrow();
    assertTrue(location.startsWith(CALLBACK + "?error=" + error + "&"), location);
    assertTrue(location.contains("&state=s-1%2B2"), location);
    assertTrue(
        location.endsWith("&iss=" + URLEncoder.encode(issuer, StandardCharsets.UTF_8)), location);
  }

  /**
   * @param formTargets the page's {@code form-action}: ours, and on the login page the origin of
   *     the client's redirect URI (browsers apply it to the redirect after the form too)
   */
  private static void assertSecurityHeaders(HttpResponse<String> page, String formTargets) {
    assertEquals(
        "default-src 'none'; style-src 'self'; form-action "
            + formTargets
            + "; frame-ancestors 'none'",
        page.headers().firstValue("Content-Security-Policy").orElse(""));
    assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(""));
    assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
    assertEquals("no-referrer", page.headers().firstValue("Referrer-Policy").orElse(""));
  }

  private Map<String, String> spaRequest() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("response_type", "code");
    params.put("client_id", spa);
    params.put("redirect_uri", CALLBACK);
    params.put("scope", "openid profile");
    params.put("state", "s-1+2");
    params.put("code_challenge", CHALLENGE);
    params.put("code_challenge_method", "S256");
    return params;
  }

  private HttpResponse<String> authorize(Map<String, String> params) {
    StringBuilder query = new StringBuilder();
    params.forEach(
        (name, value) ->
            query
                .append(query.length() == 0 ? "" : "&")
                .append(name)
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return http.get("oauth2/authorize?" + query);
  }
}
