package dev.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.AccessTokenValidator;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The OpenID Connect code flow driven by an independent relying party library (Nimbus OAuth 2.0
 * SDK): it builds the authorization requests, parses the redirects and token responses, and
 * validates the ID tokens (signature by our JWKS, {@code iss}, {@code aud}, {@code nonce}, {@code
 * at_hash}); the login page is filled in as a browser would ({@link LoginPageBrowser}).
 */
@Tag("sql") // codes used once and browser sessions shared, on PostgreSQL too
class OpenIdConnectIT extends ServiceIT {

  private static final URI CALLBACK = URI.create("http://127.0.0.1:9091/cb");
  private static final URI SIGNED_OUT = URI.create("http://127.0.0.1:9091/bye");
  private static final String ISSUER = SharedService.ENVIRONMENT.get("AUTH_ISSUER");

  private ClientID spa;
  private String username;
  private String userId;
  private LoginPageBrowser browser;
  private String adminToken;

  @BeforeEach
  void aPublicClientAndAUser() {
    String admin = "oidc-admin-" + UUID.randomUUID();
    http.createUser(admin, PASSWORD, "user", "admin");
    spa = new ClientID("oidc-spa-" + UUID.randomUUID().toString().substring(0, 8));
    HttpResponse<String> created =
        http.postJson(
            "admin/clients",
            "{\"client_id\":\""
                + spa
                + "\",\"type\":\"public\",\"name\":\"Tasks\","
                + "\"grant_types\":[\"authorization_code\",\"refresh_token\"],"
                + "\"scopes\":[\"openid\",\"profile\",\"email\",\"tasks:read\"],"
                + "\"redirect_uris\":[\""
                + CALLBACK
                + "\"],\"post_logout_redirect_uris\":[\""
                + SIGNED_OUT
                + "\"]}",
            adminToken = http.login(admin, PASSWORD));
    assertEquals(201, created.statusCode(), created.body());
    username = "oidc-" + UUID.randomUUID();
    userId = http.createUser(username, PASSWORD, "user");
    browser = new LoginPageBrowser(http);
  }

  @Test
  void discoveryNamesTheCodeFlow() throws Exception {
    OIDCProviderMetadata metadata =
        OIDCProviderMetadata.parse(http.get(".well-known/openid-configuration").body());
    assertEquals(ISSUER, metadata.getIssuer().getValue());
    assertEquals(URI.create(ISSUER + "/oauth2/authorize"), metadata.getAuthorizationEndpointURI());
    assertEquals(URI.create(ISSUER + "/oauth2/userinfo"), metadata.getUserInfoEndpointURI());
    assertEquals(URI.create(ISSUER + "/oauth2/logout"), metadata.getEndSessionEndpointURI());
    assertEquals(List.of(ResponseType.CODE), metadata.getResponseTypes());
    assertEquals(List.of(CodeChallengeMethod.S256), metadata.getCodeChallengeMethods());
    assertTrue(metadata.supportsAuthorizationResponseIssuerParam());
    assertTrue(metadata.getIDTokenJWSAlgs().contains(JWSAlgorithm.RS256));
    assertTrue(metadata.getScopes().containsAll(new Scope("openid", "profile", "email")));
    assertTrue(
        metadata.getGrantTypes().contains(com.nimbusds.oauth2.sdk.GrantType.AUTHORIZATION_CODE));
  }

  @Test
  void aPublicClientSignsInWithPkceAndGetsAnIdTokenItCanValidate() throws Exception {
    Flow flow = new Flow(new Scope("openid", "profile", "tasks:read"));
    HttpResponse<String> page = browser.get(flow.requestUri().toString());
    assertTrue(page.body().contains("<strong>Tasks</strong>"), page.body());
    HttpResponse<String> signedIn = browser.signIn(page, username, PASSWORD);
    AuthorizationSuccessResponse success = flow.success(signedIn);
    assertNotNull(browser.cookie("__Host-sso"), "a browser session");
    String ssoCookie =
        signedIn.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("__Host-sso="))
            .findFirst()
            .orElseThrow();
    assertTrue(
        ssoCookie.contains("HttpOnly")
            && ssoCookie.contains("Secure")
            && ssoCookie.contains("SameSite=Lax")
            && ssoCookie.contains("Path=/"),
        ssoCookie);

    OIDCTokenResponse tokens = flow.exchange(success.getAuthorizationCode(), publicClient());
    AccessToken access = tokens.getOIDCTokens().getAccessToken();
    IDTokenClaimsSet id = flow.validate(tokens);
    assertEquals(userId, id.getSubject().getValue());
    assertEquals(username, id.getStringClaim("preferred_username"));
    assertEquals(spa.getValue(), id.getStringClaim("azp"));
    assertNotNull(id.getAuthenticationTime());
    String sid = id.getStringClaim("sid");
    assertNotNull(sid);
    assertNull(id.getClaim("scope"), "no scope in an ID token");
    assertEquals("JWT", tokens.getOIDCTokens().getIDToken().getHeader().getType().toString());
    assertEquals(new Scope("openid", "profile", "tasks:read"), access.getScope());

    // The access token works; the ID token is never one (our mechanism, introspection).
    assertEquals(200, http.get("api/me", access.getValue()).statusCode());
    String idToken = tokens.getOIDCTokens().getIDTokenString();
    assertEquals(401, http.get("api/me", idToken).statusCode());
    assertEquals(401, http.get("oauth2/userinfo", idToken).statusCode());
    HttpResponse<String> introspected =
        http.postForm(
            "oauth2/introspect",
            Http.basic("demo-service", "demo-service-secret"),
            "token",
            idToken);
    assertFalse(Http.json(introspected).getBoolean("active"), introspected.body());

    // userinfo: the claims of the token's scopes.
    JsonObject userinfo = Http.json(http.get("oauth2/userinfo", access.getValue()));
    assertEquals(userId, userinfo.getString("sub"));
    assertEquals(username, userinfo.getString("preferred_username"));
    assertFalse(userinfo.containsKey("email"), "no email scope, no email");
    long created = userinfo.getJsonNumber("updated_at").longValue();
    assertEquals(
        created,
        ((Number) id.getClaim("updated_at")).longValue(),
        "the profile's time in the ID token too");
    assertTrue(Math.abs(created - System.currentTimeMillis() / 1000) < 600, "seconds: " + created);

    // A profile change moves updated_at; a change of roles alone does not.
    assertEquals(
        200,
        http.mergePatch("admin/users/" + userId, adminToken, "{\"roles\":[\"user\"]}")
            .statusCode());
    assertEquals(
        created,
        Http.json(http.get("oauth2/userinfo", access.getValue()))
            .getJsonNumber("updated_at")
            .longValue());
    Poll.until(
        "a second to pass (updated_at counts seconds)",
        Duration.ofSeconds(2),
        Duration.ofMillis(50),
        System::currentTimeMillis,
        now -> now / 1000 > created);
    HttpResponse<String> renamed =
        http.mergePatch("admin/users/" + userId, adminToken, "{\"name\":\"Renamed User\"}");
    assertEquals(200, renamed.statusCode(), renamed.body());
    JsonObject after = Http.json(http.get("oauth2/userinfo", access.getValue()));
    assertEquals("Renamed User", after.getString("name"));
    assertTrue(after.getJsonNumber("updated_at").longValue() > created, after.toString());

    // A refresh returns a new ID token of the same sign-in.
    HttpResponse<String> refreshed = refresh(tokens);
    assertEquals(200, refreshed.statusCode(), refreshed.body());
    JsonObject again = Http.json(refreshed);
    JsonObject refreshedId = Http.claims(again.getString("id_token"));
    assertEquals(userId, refreshedId.getString("sub"));
    assertEquals(sid, refreshedId.getString("sid"));
    assertEquals(
        id.getAuthenticationTime().getTime() / 1000,
        refreshedId.getJsonNumber("auth_time").longValue());
  }

  @Test
  void aLiveBrowserSessionSignsInWithoutThePageUntilItEnds() throws Exception {
    Flow first = new Flow(new Scope("openid"));
    AuthorizationSuccessResponse signedIn =
        first.success(
            browser.signIn(browser.get(first.requestUri().toString()), username, PASSWORD));
    OIDCTokenResponse tokens = first.exchange(signedIn.getAuthorizationCode(), publicClient());
    IDTokenClaimsSet id = first.validate(tokens);

    // Single sign-on: the next request gets a code at once, prompt=none too.
    Flow second = new Flow(new Scope("openid"));
    AuthorizationSuccessResponse silent =
        second.success(browser.get(second.requestUri().toString()));
    assertEquals(
        id.getStringClaim("sid"),
        second
            .validate(second.exchange(silent.getAuthorizationCode(), publicClient()))
            .getStringClaim("sid"));
    Flow none = new Flow(new Scope("openid"));
    none.prompt = "none";
    none.success(browser.get(none.requestUri().toString()));
    // prompt=login asks again; max_age=0 too; a max_age the sign-in is within does not.
    Flow login = new Flow(new Scope("openid"));
    login.prompt = "login";
    assertEquals(200, browser.get(login.requestUri().toString()).statusCode());
    Flow maxAgeZero = new Flow(new Scope("openid"));
    maxAgeZero.maxAge = 0;
    assertEquals(200, browser.get(maxAgeZero.requestUri().toString()).statusCode());
    Flow maxAgeHour = new Flow(new Scope("openid"));
    maxAgeHour.maxAge = 3600;
    maxAgeHour.success(browser.get(maxAgeHour.requestUri().toString()));

    // Logout with the ID token as hint, back to a registered place with state.
    HttpResponse<String> out =
        browser.get(
            "oauth2/logout?id_token_hint="
                + tokens.getOIDCTokens().getIDTokenString()
                + "&post_logout_redirect_uri="
                + SIGNED_OUT
                + "&state=bye-1");
    assertEquals(302, out.statusCode(), out.body());
    assertEquals(SIGNED_OUT + "?state=bye-1", out.headers().firstValue("Location").orElseThrow());
    assertNull(browser.cookie("__Host-sso"), "the cookie is cleared");

    // The session's tokens are refused within a second; its refresh token is gone.
    Poll.until(
        "the signed-out session's access token refused",
        Duration.ofSeconds(1),
        Duration.ofMillis(50),
        () -> http.get("api/me", tokens.getOIDCTokens().getAccessToken().getValue()).statusCode(),
        status -> status == 401);
    assertEquals("invalid_grant", refreshError(tokens));
    assertTrue(
        Http.json(http.get("admin/audit?type=browser_session_ended&subject=" + userId, adminToken))
                .getInt("total")
            >= 1);

    // The old cookie no longer signs in: the login page again, and prompt=none says so.
    browser.setCookie("__Host-sso", "stale-" + UUID.randomUUID());
    Flow afterwards = new Flow(new Scope("openid"));
    afterwards.prompt = "none";
    HttpResponse<String> required = browser.get(afterwards.requestUri().toString());
    assertEquals(302, required.statusCode());
    assertTrue(
        required.headers().firstValue("Location").orElseThrow().contains("error=login_required"));
  }

  @Test
  void aCodeIsGoodOnceAndItsReplayEndsTheFirstExchangesTokens() throws Exception {
    Flow flow = new Flow(new Scope("openid"));
    AuthorizationCode code =
        flow.success(browser.signIn(browser.get(flow.requestUri().toString()), username, PASSWORD))
            .getAuthorizationCode();
    OIDCTokenResponse first = flow.exchange(code, publicClient());
    String access = first.getOIDCTokens().getAccessToken().getValue();
    assertEquals(200, http.get("api/me", access).statusCode());

    TokenErrorResponse replay = flow.exchangeError(code, publicClient(), flow.verifier);
    assertEquals("invalid_grant", replay.getErrorObject().getCode());
    Poll.until(
        "the first exchange's access token refused after the replay",
        Duration.ofSeconds(1),
        Duration.ofMillis(50),
        () -> http.get("api/me", access).statusCode(),
        status -> status == 401);
    assertEquals("invalid_grant", refreshError(first));

    // Audited and counted.
    for (String type : List.of("authorization_granted", "code_exchanged", "code_replayed")) {
      JsonObject rows =
          Http.json(http.get("admin/audit?type=" + type + "&subject=" + userId, adminToken));
      assertTrue(rows.getInt("total") >= 1, type + ": " + rows);
    }
    String metrics = http.get("metrics").body();
    for (String outcome : List.of("exchanged", "replayed")) {
      assertTrue(
          metrics.contains("auth_signin_total{outcome=\"" + outcome + "\",step=\"code_exchange\"}"),
          outcome);
    }
  }

  @Test
  void aCodeIsBoundToItsVerifierRedirectUriAndClient() throws Exception {
    Flow signIn = new Flow(new Scope("openid"));
    signIn.success(browser.signIn(browser.get(signIn.requestUri().toString()), username, PASSWORD));
    // A wrong verifier, no verifier, another redirect URI, another client: each invalid_grant.
    for (int i = 0; i < 4; i++) {
      Flow flow = new Flow(new Scope("openid"));
      AuthorizationCode code =
          flow.success(browser.get(flow.requestUri().toString())).getAuthorizationCode();
      TokenErrorResponse error;
      switch (i) {
        case 0 -> error = flow.exchangeError(code, publicClient(), new CodeVerifier());
        case 1 -> error = flow.exchangeError(code, publicClient(), null);
        case 2 -> {
          flow.redirect = URI.create("http://127.0.0.1:9091/other");
          error = flow.exchangeError(code, publicClient(), flow.verifier);
        }
        default ->
            error =
                flow.exchangeError(
                    code,
                    new ClientSecretPost(
                        new ClientID("shop-web"), new Secret("shop-web-test-secret")),
                    flow.verifier);
      }
      assertEquals("invalid_grant", error.getErrorObject().getCode(), "case " + i);
    }
  }

  @Test
  void theLoginPageRefusesWrongCredentialsAndAMissingCsrfToken() {
    Flow flow = new Flow(new Scope("openid"));
    HttpResponse<String> page = browser.get(flow.requestUri().toString());
    HttpResponse<String> wrong = browser.signIn(page, username, "not-the-password");
    assertEquals(401, wrong.statusCode());
    assertTrue(wrong.body().contains("Invalid username or password."), wrong.body());
    assertTrue(wrong.headers().firstValue("Location").isEmpty());
    assertEquals(
        "default-src 'none'; style-src 'self'; form-action 'self' http://127.0.0.1:9091;"
            + " frame-ancestors 'none'",
        wrong.headers().firstValue("Content-Security-Policy").orElse(""));

    // A form without the page's cookie (another site posting it): refused, no session.
    browser.forget("__Host-login-csrf");
    HttpResponse<String> forged = browser.signIn(wrong, username, PASSWORD);
    assertEquals(403, forged.statusCode(), forged.body());
    assertNull(browser.cookie("__Host-sso"));
  }

  @Test
  void theLoginPageCountsFailuresInTheLoginApisOwnThrottle() {
    Flow flow = new Flow(new Scope("openid"));
    HttpResponse<String> page = browser.get(flow.requestUri().toString());
    for (int i = 0; i < 5; i++) {
      page = browser.signIn(page, username, "not-the-password-" + i);
      assertEquals(401, page.statusCode(), page.body());
    }
    HttpResponse<String> locked = browser.signIn(page, username, PASSWORD);
    assertEquals(429, locked.statusCode(), locked.body());
    assertTrue(locked.headers().firstValue("Retry-After").isPresent());
    assertTrue(locked.body().contains("Too many sign-in attempts"), locked.body());
    assertNull(browser.cookie("__Host-sso"));
    // One throttle: the login API refuses the same user from the same address.
    HttpResponse<String> api =
        http.postJson(
            "auth/login", "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}");
    assertEquals(429, api.statusCode(), api.body());
  }

  @Test
  void aSessionRevocationALogoutAnAdminRevocationAPasswordChangeOrADisableEndsTheBrowserSession()
      throws Exception {
    // The revocation of a session started through the browser session.
    String access = signInAndExchange().getOIDCTokens().getAccessToken().getValue();
    String sid = Http.claims(access).getString("sid");
    assertEquals(204, http.delete("api/me/sessions/" + sid, access).statusCode());
    assertSignedOut();

    // The login API's logout with such a session's token.
    access = signInAndExchange().getOIDCTokens().getAccessToken().getValue();
    assertEquals(
        204,
        Http.send(
                http.request("auth/logout")
                    .header("Authorization", "Bearer " + access)
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                    .build())
            .statusCode());
    assertSignedOut();

    // An admin's revocation of everything of the user's.
    signInAndExchange();
    assertEquals(
        204,
        Http.send(
                http.request("admin/users/" + userId + "/revoke")
                    .header("Authorization", "Bearer " + adminToken)
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                    .build())
            .statusCode());
    assertSignedOut();

    // A password change ends every session of the user, browser sessions too.
    access = signInAndExchange().getOIDCTokens().getAccessToken().getValue();
    HttpResponse<String> changed =
        http.postJson(
            "api/me/password",
            "{\"current_password\":\""
                + PASSWORD
                + "\",\"new_password\":\"another-password-for-tests\"}",
            access);
    assertEquals(204, changed.statusCode(), changed.body());
    assertSignedOut();

    // Disabling the user ends them too.
    signInAndExchange("another-password-for-tests");
    assertEquals(
        204,
        Http.send(
                http.request("admin/users/" + userId)
                    .header("Authorization", "Bearer " + adminToken)
                    .DELETE()
                    .build())
            .statusCode());
    assertSignedOut();
  }

  private OIDCTokenResponse signInAndExchange() throws Exception {
    return signInAndExchange(PASSWORD);
  }

  private OIDCTokenResponse signInAndExchange(String password) throws Exception {
    Flow flow = new Flow(new Scope("openid"));
    AuthorizationCode code =
        flow.success(browser.signIn(browser.get(flow.requestUri().toString()), username, password))
            .getAuthorizationCode();
    return flow.exchange(code, publicClient());
  }

  /** prompt=none finds no browser session, though the browser still holds its cookie. */
  private void assertSignedOut() {
    assertNotNull(browser.cookie("__Host-sso"));
    Flow silent = new Flow(new Scope("openid"));
    silent.prompt = "none";
    HttpResponse<String> answer = browser.get(silent.requestUri().toString());
    assertEquals(302, answer.statusCode());
    assertTrue(
        answer.headers().firstValue("Location").orElseThrow().contains("error=login_required"),
        answer.headers().firstValue("Location").orElseThrow());
  }

  @Test
  void aConfidentialClientWithANonceAndNoPkceUsesClientSecretPost() throws Exception {
    Flow flow = new Flow(new Scope("openid", "email", "profile"));
    flow.client = new ClientID("shop-web");
    flow.redirect = URI.create("http://127.0.0.1:9090/cb");
    flow.verifier = null;
    AuthorizationCode code =
        flow.success(browser.signIn(browser.get(flow.requestUri().toString()), username, PASSWORD))
            .getAuthorizationCode();
    ClientSecretPost post =
        new ClientSecretPost(new ClientID("shop-web"), new Secret("shop-web-test-secret"));
    OIDCTokenResponse tokens = flow.exchange(code, post);
    IDTokenClaimsSet id = flow.validate(tokens);
    assertEquals(flow.nonce, id.getNonce());
    assertEquals(List.of(new com.nimbusds.oauth2.sdk.id.Audience("shop-web")), id.getAudience());

    // The same client with Basic: a code of its own, exchanged.
    Flow basic = new Flow(new Scope("openid"));
    basic.client = flow.client;
    basic.redirect = flow.redirect;
    basic.verifier = null;
    AuthorizationCode second =
        basic.success(browser.get(basic.requestUri().toString())).getAuthorizationCode();
    ClientSecretBasic shopBasic =
        new ClientSecretBasic(new ClientID("shop-web"), new Secret("shop-web-test-secret"));
    basic.validate(basic.exchange(second, shopBasic));

    // A verifier for a code issued without a challenge: a PKCE downgrade, refused.
    AuthorizationCode third =
        basic.success(browser.get(basic.requestUri().toString())).getAuthorizationCode();
    assertEquals(
        "invalid_grant",
        basic.exchangeError(third, shopBasic, new CodeVerifier()).getErrorObject().getCode());
  }

  /**
   * Without an ID token of the session as hint, the logout endpoint asks the user first
   * (RP-Initiated Logout 1.0 §2: the OP MUST ask): a cross-site link alone must not sign anyone
   * out.
   */
  @Test
  void aLogoutWithoutAHintAsksTheUserFirst() throws Exception {
    HttpResponse<String> ask = signedInThenLoggedOutWithoutAHint(SIGNED_OUT.toString(), "bye-2");
    assertTrue(ask.body().contains("<strong>Tasks</strong>"), ask.body());
    assertEquals(
        "default-src 'none'; style-src 'self'; form-action 'self' http://127.0.0.1:9091;"
            + " frame-ancestors 'none'",
        ask.headers().firstValue("Content-Security-Policy").orElseThrow());
    assertEquals("no-store", ask.headers().firstValue("Cache-Control").orElseThrow());
    assertNotNull(browser.cookie("__Host-sso"), "not signed out yet");
    Flow again = new Flow(new Scope("openid"));
    again.success(browser.get(again.requestUri().toString())); // still signed in

    // The page's form without its cookie (another site's form): refused, still signed in.
    Map<String, String> form = LoginPageBrowser.hiddenFields(ask.body());
    String csrf = browser.cookie("__Host-logout-csrf");
    browser.forget("__Host-logout-csrf");
    assertEquals(403, browser.post("oauth2/logout", form).statusCode());
    Flow stillIn = new Flow(new Scope("openid"));
    stillIn.success(browser.get(stillIn.requestUri().toString()));

    browser.setCookie("__Host-logout-csrf", csrf);
    HttpResponse<String> out = browser.post("oauth2/logout", form);
    assertEquals(302, out.statusCode(), out.body());
    assertEquals(SIGNED_OUT + "?state=bye-2", out.headers().firstValue("Location").orElseThrow());
    assertNull(browser.cookie("__Host-sso"), "the cookie is cleared");
    assertEquals(
        200,
        browser.get(new Flow(new Scope("openid")).requestUri().toString()).statusCode(),
        "the login page again: the browser session has ended");
  }

  @Test
  void logoutToAnUnregisteredPlaceShowsThePageInstead() throws Exception {
    HttpResponse<String> ask =
        signedInThenLoggedOutWithoutAHint("https://attacker.example.com/", "x");
    assertFalse(
        ask.headers().firstValue("Content-Security-Policy").orElseThrow().contains("attacker"));
    HttpResponse<String> out =
        browser.post("oauth2/logout", LoginPageBrowser.hiddenFields(ask.body()));
    assertEquals(200, out.statusCode(), out.body());
    assertTrue(out.headers().firstValue("Location").isEmpty());
    assertTrue(out.body().contains("signed out"), out.body());
    assertFalse(out.body().contains("attacker.example.com"));
    assertNull(browser.cookie("__Host-sso"), "the cookie is cleared");
  }

  /** Signs in, then asks to log out without a hint: the "sign out?" page. */
  private HttpResponse<String> signedInThenLoggedOutWithoutAHint(String back, String state)
      throws Exception {
    Flow flow = new Flow(new Scope("openid"));
    flow.success(browser.signIn(browser.get(flow.requestUri().toString()), username, PASSWORD));
    HttpResponse<String> ask =
        browser.get(
            "oauth2/logout?client_id="
                + spa
                + "&post_logout_redirect_uri="
                + back
                + "&state="
                + state);
    assertEquals(200, ask.statusCode(), ask.body());
    return ask;
  }

  @Test
  void corsAnswersTheOriginsOfRegisteredRedirectUrisOnly() {
    String registered = "http://127.0.0.1:9091";
    for (String path : List.of("oauth2/token", "oauth2/userinfo", "oauth2/revoke")) {
      HttpResponse<String> preflight = preflight(path, registered);
      assertEquals(204, preflight.statusCode(), path);
      assertEquals(
          registered,
          preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(""),
          path);
      assertTrue(
          preflight
              .headers()
              .firstValue("Access-Control-Allow-Headers")
              .orElse("")
              .contains("Authorization"),
          path);
      HttpResponse<String> foreign = preflight(path, "https://elsewhere.example.com");
      assertTrue(
          foreign.headers().firstValue("Access-Control-Allow-Origin").isEmpty(),
          path + ": no CORS for a foreign origin");
    }
    HttpResponse<String> discovery =
        Http.send(
            http.request(".well-known/openid-configuration")
                .header("Origin", registered)
                .GET()
                .build());
    assertEquals(200, discovery.statusCode());
    assertEquals(
        registered, discovery.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    HttpResponse<String> keys =
        Http.send(
            http.request(".well-known/jwks.json")
                .header("Origin", "https://elsewhere.example.com")
                .GET()
                .build());
    assertEquals(200, keys.statusCode());
    assertTrue(keys.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
  }

  private HttpResponse<String> preflight(String path, String origin) {
    return Http.send(
        http.request(path)
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "authorization, content-type")
            .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
            .build());
  }

  private ClientAuthentication publicClient() {
    return null;
  }

  private String refreshError(OIDCTokenResponse tokens) {
    return Http.json(refresh(tokens)).getString("error", "none");
  }

  private HttpResponse<String> refresh(OIDCTokenResponse tokens) {
    return http.postForm(
        "oauth2/token",
        null,
        "grant_type",
        "refresh_token",
        "refresh_token",
        tokens.getOIDCTokens().getRefreshToken().getValue(),
        "client_id",
        spa.getValue());
  }

  /** One authorization request of the relying party, with its state, nonce and PKCE verifier. */
  private final class Flow {
    ClientID client = spa;
    URI redirect = CALLBACK;
    final Scope scope;
    final State state = new State();
    final Nonce nonce = new Nonce();
    CodeVerifier verifier = new CodeVerifier();
    String prompt;
    int maxAge = -1;

    Flow(Scope scope) {
      this.scope = scope;
    }

    URI requestUri() {
      AuthenticationRequest.Builder request =
          new AuthenticationRequest.Builder(ResponseType.CODE, scope, client, redirect)
              .endpointURI(http.uri("oauth2/authorize"))
              .state(state)
              .nonce(nonce);
      if (verifier != null) {
        request.codeChallenge(verifier, CodeChallengeMethod.S256);
      }
      if (prompt != null) {
        request.prompt(new com.nimbusds.openid.connect.sdk.Prompt(prompt));
      }
      if (maxAge >= 0) {
        request.maxAge(maxAge);
      }
      return request.build().toURI();
    }

    /** The redirect back to the client: a code, our state, our issuer (RFC 9207). */
    AuthorizationSuccessResponse success(HttpResponse<String> answer) throws Exception {
      assertEquals(302, answer.statusCode(), answer.body());
      URI location = URI.create(answer.headers().firstValue("Location").orElseThrow());
      assertTrue(location.toString().startsWith(redirect + "?code="), location.toString());
      AuthorizationResponse response = AuthorizationResponse.parse(location);
      assertTrue(response.indicatesSuccess(), location.toString());
      assertEquals(state, response.getState());
      assertEquals(new Issuer(ISSUER), response.getIssuer());
      return response.toSuccessResponse();
    }

    OIDCTokenResponse exchange(AuthorizationCode code, ClientAuthentication authentication)
        throws Exception {
      var response =
          OIDCTokenResponseParser.parse(
              tokenRequest(code, authentication, verifier).toHTTPRequest().send());
      if (!response.indicatesSuccess()) {
        throw new AssertionError(response.toErrorResponse().getErrorObject().toJSONObject());
      }
      return (OIDCTokenResponse) response.toSuccessResponse();
    }

    TokenErrorResponse exchangeError(
        AuthorizationCode code, ClientAuthentication authentication, CodeVerifier presented)
        throws Exception {
      var response =
          OIDCTokenResponseParser.parse(
              tokenRequest(code, authentication, presented).toHTTPRequest().send());
      assertFalse(response.indicatesSuccess());
      return response.toErrorResponse();
    }

    private TokenRequest tokenRequest(
        AuthorizationCode code, ClientAuthentication authentication, CodeVerifier presented) {
      AuthorizationCodeGrant grant = new AuthorizationCodeGrant(code, redirect, presented);
      return authentication == null
          ? new TokenRequest(http.uri("oauth2/token"), client, grant)
          : new TokenRequest(http.uri("oauth2/token"), authentication, grant);
    }

    /** Signature (our JWKS), iss, aud, exp, nonce, and at_hash against the access token. */
    IDTokenClaimsSet validate(OIDCTokenResponse tokens) throws Exception {
      JWT idToken = tokens.getOIDCTokens().getIDToken();
      JWSAlgorithm algorithm = (JWSAlgorithm) idToken.getHeader().getAlgorithm();
      IDTokenValidator validator =
          new IDTokenValidator(
              new Issuer(ISSUER), client, algorithm, http.uri(".well-known/jwks.json").toURL());
      IDTokenClaimsSet claims = validator.validate(idToken, nonce);
      AccessTokenValidator.validate(
          tokens.getOIDCTokens().getAccessToken(), algorithm, claims.getAccessTokenHash());
      return claims;
    }
  }
}
