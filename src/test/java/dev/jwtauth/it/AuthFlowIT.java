package dev.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The foundation, black box through HTTP against the real WAR in Payara Micro. */
class AuthFlowIT extends ServiceIT {

  private static final String ISSUER = "http://127.0.0.1:8080";

  String username;

  /** Each test has its own user, so that tests do not depend on each other or on the demo users. */
  @BeforeEach
  void client() {
    username = "u-" + UUID.randomUUID();
    http.createUser(username, PASSWORD, "user");
  }

  @Test
  void loginThenMeReturnsTheCallerFromTheInjectedJsonWebToken() {
    HttpResponse<String> login = http.postJson("auth/login", credentials(null));
    assertEquals(200, login.statusCode(), login.body());
    assertEquals("no-store", login.headers().firstValue("Cache-Control").orElse(""));
    JsonObject tokens = Http.json(login);
    assertEquals("Bearer", tokens.getString("token_type"));
    assertEquals(900, tokens.getInt("expires_in"));
    assertEquals("tasks:read tasks:write", tokens.getString("scope"));

    HttpResponse<String> me = http.get("api/me", tokens.getString("access_token"));
    assertEquals(200, me.statusCode(), me.body());
    JsonObject caller = Http.json(me);
    assertEquals(username, caller.getString("username"));
    assertEquals(List.of("user"), strings(caller.getJsonArray("roles")));
    assertEquals("tasks:read tasks:write", caller.getString("scope"));
    UUID.fromString(caller.getString("sub")); // the stable id, never the username
    assertTrue(caller.getJsonNumber("exp").longValue() > caller.getJsonNumber("iat").longValue());
  }

  @Test
  void claimInjectionWorksInResources() throws Exception {
    String token = http.login(username, PASSWORD);
    JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
    HttpResponse<String> response = http.get("test-support/claims", token);
    assertEquals(200, response.statusCode(), response.body());
    JsonObject injected = Http.json(response);
    assertEquals(claims.getSubject(), injected.getString("sub"));
    assertEquals(List.of("user"), strings(injected.getJsonArray("groups")));
    assertEquals(
        claims.getExpirationTime().getTime() / 1000, injected.getJsonNumber("exp").longValue());
    assertEquals(claims.getIssueTime().getTime() / 1000, injected.getJsonNumber("iat").longValue());
    assertEquals("tasks:read tasks:write", injected.getString("scope"));
    assertTrue(injected.getBoolean("has_sid"));
    assertFalse(injected.getBoolean("has_act"));
  }

  @Test
  void adminHoldsBothRolesAndTheAdminScope() {
    String admin = "a-" + UUID.randomUUID();
    http.createUser(admin, PASSWORD, "user", "admin");
    JsonObject me = Http.json(http.get("api/me", http.login(admin, PASSWORD)));
    assertEquals(List.of("admin", "user"), strings(me.getJsonArray("roles")));
    assertEquals("admin tasks:read tasks:write", me.getString("scope"));
  }

  @Test
  void accessTokenHasTheProductShape() throws Exception {
    SignedJWT jwt = SignedJWT.parse(http.login(username, PASSWORD));
    assertEquals("RS256", jwt.getHeader().getAlgorithm().getName());
    assertEquals("JWT", jwt.getHeader().getType().getType());
    assertNotNull(jwt.getHeader().getKeyID());
    JWTClaimsSet claims = jwt.getJWTClaimsSet();
    assertEquals(ISSUER, claims.getIssuer());
    assertEquals(List.of("api"), claims.getAudience());
    assertEquals("web", claims.getStringClaim("client_id"));
    assertEquals(username, claims.getStringClaim("upn"));
    assertEquals(username, claims.getStringClaim("preferred_username"));
    assertEquals(List.of("user"), claims.getStringListClaim("groups"));
    assertEquals("tasks:read tasks:write", claims.getStringClaim("scope"));
    assertNotNull(claims.getJWTID());
    assertNotNull(claims.getNotBeforeTime());
    assertEquals(
        900, (claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000);
  }

  @Test
  void loginAsksForNarrowerScopeOrIsRefusedAWiderOne() {
    HttpResponse<String> narrow = http.postJson("auth/login", credentials("tasks:read"));
    assertEquals("tasks:read", Http.json(narrow).getString("scope"));
    HttpResponse<String> wide = http.postJson("auth/login", credentials("tasks:read admin"));
    assertEquals(400, wide.statusCode());
    assertEquals("invalid_scope", Http.json(wide).getString("error"));
  }

  @Test
  void noTokenGetsABearerChallenge() {
    HttpResponse<String> response = http.get("api/me");
    assertEquals(401, response.statusCode());
    String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
    assertEquals("Bearer realm=\"auth\"", challenge);
  }

  @Test
  void tamperedTokenIsRefused() {
    String token = http.login(username, PASSWORD);
    String[] parts = token.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
    String forged = payload.replace("\"groups\":[\"user\"]", "\"groups\":[\"user\",\"admin\"]");
    assertNotEquals(payload, forged);
    String tampered =
        parts[0]
            + "."
            + Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes())
            + "."
            + parts[2];
    assertInvalidToken(http.get("api/me", tampered), "signature");
  }

  @Test
  void expiredTokenIsRefusedSayingExpired() {
    long now = Instant.now().getEpochSecond();
    String expired = mint(claims(now - 3600, now - 600).build());
    HttpResponse<String> response = assertInvalidToken(http.get("api/me", expired), "expired");
    assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").contains("expired"));
  }

  @Test
  void tokenForAnotherAudienceIsRefused() {
    long now = Instant.now().getEpochSecond();
    String other = mint(claims(now, now + 600).add("aud", "another-api").build());
    assertInvalidToken(http.get("api/me", other), "audience");
    // The same token with our audience passes, so only the audience was wrong.
    assertEquals(200, http.get("api/me", mint(claims(now, now + 600).build())).statusCode());
  }

  @Test
  void emptyBearerAndOversizedTokensAreInvalidTokens() {
    assertInvalidToken(http.get("api/me", ""), "empty");
    assertInvalidToken(http.get("api/me", "a".repeat(8300)), "too large");
  }

  @Test
  void schemeIsCaseInsensitive() {
    String token = http.login(username, PASSWORD);
    HttpResponse<String> response =
        http.exchange(http.request("api/me").header("Authorization", "bEaReR " + token).build());
    assertEquals(200, response.statusCode());
  }

  @Test
  void twoCredentialsAreAnInvalidRequest() {
    String token = http.login(username, PASSWORD);
    HttpResponse<String> response =
        http.exchange(
            http.request("api/me")
                .header("Authorization", "Bearer " + token)
                .header("Authorization", "Bearer " + token)
                .build());
    assertEquals(400, response.statusCode(), response.body());
    assertEquals("invalid_request", Http.json(response).getString("error"));
  }

  @Test
  void aTokenVerifiesWithNothingButTheJwksFetchedOverHttp() throws Exception {
    HttpResponse<String> jwksResponse = http.get(".well-known/jwks.json");
    assertEquals(200, jwksResponse.statusCode());
    JWKSet jwks = JWKSet.parse(jwksResponse.body());
    SignedJWT jwt = SignedJWT.parse(http.login(username, PASSWORD));
    JWK key = jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
    assertNotNull(key, "the token's kid is published");
    assertTrue(jwt.verify(new RSASSAVerifier((RSAKey) key)));
    assertEquals(JWSObject.State.VERIFIED, jwt.getState());
    assertEquals("sig", key.getKeyUse().identifier());
    assertEquals("RS256", key.getAlgorithm().getName());
  }

  @Test
  void jwksHasNoPrivateMembers() {
    JsonObject jwks = Http.json(http.get(".well-known/jwks.json"));
    JsonArray keys = jwks.getJsonArray("keys");
    assertFalse(keys.isEmpty());
    for (JsonValue key : keys) {
      Set<String> members = key.asJsonObject().keySet();
      for (String privateMember : List.of("d", "p", "q", "dp", "dq", "qi", "oth", "k")) {
        assertFalse(
            members.contains(privateMember), "JWKS publishes private member " + privateMember);
      }
    }
  }

  @Test
  void wrongPasswordAndUnknownUserGetTheSameAnswer() {
    HttpResponse<String> wrongPassword =
        http.postJson("auth/login", "{\"username\":\"" + username + "\",\"password\":\"nope\"}");
    HttpResponse<String> unknownUser =
        http.postJson(
            "auth/login",
            "{\"username\":\"nobody-" + UUID.randomUUID() + "\",\"password\":\"nope\"}");
    assertEquals(401, wrongPassword.statusCode());
    assertEquals(wrongPassword.statusCode(), unknownUser.statusCode());
    assertEquals(wrongPassword.body(), unknownUser.body());
    assertEquals("invalid_grant", Http.json(wrongPassword).getString("error"));
    assertEquals(headersThatMatter(wrongPassword), headersThatMatter(unknownUser));
  }

  @Test
  void malformedLoginBodiesAreBadRequests() {
    for (String body :
        List.of(
            "{not json",
            "[1,2]",
            "{\"username\":\"someone\"}",
            "{\"username\":42,\"password\":\"x\"}",
            "")) {
      HttpResponse<String> response = http.postJson("auth/login", body);
      assertEquals(400, response.statusCode(), body + " -> " + response.body());
      assertEquals("invalid_request", Http.json(response).getString("error"), body);
    }
  }

  @Test
  void oversizedBodyIs413() {
    HttpResponse<String> response =
        http.postJson("auth/login", "{\"username\":\"" + "x".repeat(70_000) + "\"}");
    assertEquals(413, response.statusCode());
  }

  @Test
  void discoveryDocumentsNameTheIssuerAndJwks() {
    for (String path :
        List.of(".well-known/oauth-authorization-server", ".well-known/openid-configuration")) {
      JsonObject metadata = Http.json(http.get(path));
      assertEquals(ISSUER, metadata.getString("issuer"));
      assertEquals(ISSUER + "/.well-known/jwks.json", metadata.getString("jwks_uri"));
      assertTrue(strings(metadata.getJsonArray("scopes_supported")).contains("tasks:write"));
    }
  }

  @Test
  void readinessReportsDatabaseSigningKeyAndSharedState() {
    HttpResponse<String> response =
        http.exchange(HttpRequest.newBuilder(http.healthUri("/health/ready")).GET().build());
    assertEquals(200, response.statusCode(), response.body());
    JsonObject health = Http.json(response);
    assertEquals("UP", health.getString("status"));
    Set<String> checks =
        health.getJsonArray("checks").stream()
            .map(
                c ->
                    c.asJsonObject().getString("name") + "=" + c.asJsonObject().getString("status"))
            .collect(Collectors.toSet());
    assertTrue(
        checks.containsAll(Set.of("database=UP", "signing-key=UP", "shared-state=UP")),
        checks.toString());
  }

  private HttpResponse<String> assertInvalidToken(
      HttpResponse<String> response, String descriptionPart) {
    assertEquals(401, response.statusCode(), response.body());
    String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
    assertTrue(challenge.startsWith("Bearer realm=\"auth\", error=\"invalid_token\""), challenge);
    JsonObject body = Http.json(response);
    assertEquals("invalid_token", body.getString("error"));
    assertTrue(
        body.getString("error_description").toLowerCase().contains(descriptionPart),
        body.getString("error_description"));
    return response;
  }

  /** Genuine-looking claims of a made-up subject; tests change one thing. */
  private static JsonObjectBuilder claims(long iat, long exp) {
    return Json.createObjectBuilder()
        .add("iss", ISSUER)
        .add("sub", UUID.randomUUID().toString())
        .add("aud", "api")
        .add("iat", iat)
        .add("nbf", iat)
        .add("exp", exp)
        .add("jti", UUID.randomUUID().toString())
        .add("upn", "minted")
        .add("groups", Json.createArrayBuilder().add("user"));
  }

  private String credentials(String scope) {
    JsonObjectBuilder body =
        Json.createObjectBuilder().add("username", username).add("password", PASSWORD);
    if (scope != null) {
      body.add("scope", scope);
    }
    return body.build().toString();
  }

  private String mint(JsonObject claims) {
    HttpResponse<String> response = http.postJson("test-support/mint", claims.toString());
    assertEquals(200, response.statusCode(), response.body());
    return response.body();
  }

  private static List<String> headersThatMatter(HttpResponse<String> response) {
    return List.of(
        response.headers().firstValue("Content-Type").orElse(""),
        response.headers().firstValue("Cache-Control").orElse(""),
        response.headers().firstValue("WWW-Authenticate").orElse(""));
  }

  private static List<String> strings(JsonArray array) {
    return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
  }
}
