package dev.jwtauth.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.jwtauth.verify.TestTokens;
import dev.jwtauth.verify.VerifiedToken;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessTokenIssuerTest {

  private final AccessTokenIssuer issuer = TestIssuer.issuer();

  /** The longest lifetime a client may be given is one the guard's lifetime rule accepts. */
  @Test
  void theLongestLifetimeIsOneTheVerifierAccepts() {
    assertEquals(
        dev.jwtauth.config.TokenSettings.MAX_ACCESS_TOKEN_TTL,
        dev.jwtauth.verify.TokenVerifier.MAX_LIFETIME);
  }

  @Test
  void issuesTheFixedClaims() throws Exception {
    IssuedAccessToken issued =
        issuer.issue(
            new TokenRequest(
                "user-id",
                "alice",
                Set.of("user"),
                Set.of("tasks:write", "tasks:read"),
                "web",
                "session-1"));
    SignedJWT jwt = SignedJWT.parse(issued.token());
    assertEquals("JWT", jwt.getHeader().getType().getType());
    assertEquals(TestTokens.KEY.getKeyID(), jwt.getHeader().getKeyID());
    JWTClaimsSet claims = jwt.getJWTClaimsSet();
    assertEquals(TestTokens.ISSUER, claims.getIssuer());
    assertEquals("user-id", claims.getSubject());
    assertEquals(List.of("api"), claims.getAudience());
    assertEquals(
        TestTokens.NOW.getEpochSecond(), claims.getIssueTime().toInstant().getEpochSecond());
    assertEquals(TestTokens.NOW.plusSeconds(900), claims.getExpirationTime().toInstant());
    assertEquals(claims.getIssueTime(), claims.getNotBeforeTime());
    assertEquals(issued.jti(), claims.getJWTID());
    assertEquals("web", claims.getStringClaim("client_id"));
    assertEquals("tasks:read tasks:write", claims.getStringClaim("scope"));
    assertEquals(List.of("user"), claims.getStringListClaim("groups"));
    assertEquals("alice", claims.getStringClaim("upn"));
    assertEquals("alice", claims.getStringClaim("preferred_username"));
    assertEquals("session-1", claims.getStringClaim("sid"));
    assertEquals(null, claims.getClaim("permissions"), "no permissions: no claim");
    assertEquals(900, issued.expiresInSeconds());
  }

  @Test
  void aCustomizerAddsClaimsAndSeesTheTokenSoFar() throws Exception {
    Map<String, Object> seen = new java.util.HashMap<>();
    AccessTokenIssuer customized =
        TestIssuer.issuer(
            token -> {
              seen.putAll(token.claims());
              token.claim("tier", "gold").claim("limits", Map.of("tasks", 100, "shared", true));
              token.claim("email", "override@example.com"); // a mapped claim: it may
            });
    JWTClaimsSet claims =
        SignedJWT.parse(customized.issue(userRequest(Map.of("email", "a@example.com"))).token())
            .getJWTClaimsSet();
    assertEquals("gold", claims.getStringClaim("tier"));
    assertEquals(Map.of("tasks", 100L, "shared", true), claims.getJSONObjectClaim("limits"));
    assertEquals("override@example.com", claims.getStringClaim("email"));
    assertEquals("user-id", seen.get("sub"));
    assertEquals("a@example.com", seen.get("email"));
    assertEquals("acme", seen.get("org_id"));
    JWTClaimsSet uncustomized =
        SignedJWT.parse(customized.issueUncustomized(userRequest(Map.of())).token())
            .getJWTClaimsSet();
    assertEquals(null, uncustomized.getClaim("tier"), "the size check runs no customizer");
  }

  @Test
  void aCustomizerCanNeitherChangeAFixedClaimNorTheOrganizationNorAddAnObject() {
    for (String fixed : List.of("sub", "iss", "aud", "exp", "scope", "groups", "sid", "org_id")) {
      AccessTokenIssuer customized = TestIssuer.issuer(token -> token.claim(fixed, "x"));
      IllegalArgumentException refused =
          assertThrows(
              IllegalArgumentException.class, () -> customized.issue(userRequest(Map.of())));
      assertEquals("A customizer cannot set the claim " + fixed, refused.getMessage());
    }
    AccessTokenIssuer odd = TestIssuer.issuer(token -> token.claim("when", new Object()));
    assertThrows(IllegalArgumentException.class, () -> odd.issue(userRequest(Map.of())));
    AccessTokenIssuer failing =
        TestIssuer.issuer(
            token -> {
              throw new IllegalStateException("down");
            });
    assertThrows(IllegalStateException.class, () -> failing.issue(userRequest(Map.of())));
  }

  private static TokenRequest userRequest(Map<String, Object> profileClaims) {
    Map<String, Object> userClaims = new java.util.HashMap<>(profileClaims);
    userClaims.put("org_id", "acme");
    return new TokenRequest(
        "user-id",
        "alice",
        Set.of("user"),
        Set.of("tasks:read"),
        "web",
        "s-1",
        null,
        null,
        null,
        null,
        userClaims);
  }

  @Test
  void whatItIssuesPassesTheVerifier() throws Exception {
    IssuedAccessToken issued =
        issuer.issue(new TokenRequest("user-id", "alice", Set.of("user"), Set.of(), "web", null));
    VerifiedToken verified = TestTokens.verifier().verify(issued.token());
    assertEquals("user-id", verified.subject());
    assertNotEquals(
        issued.jti(),
        issuer.issue(new TokenRequest("u", "a", Set.of(), Set.of(), "web", null)).jti());
  }

  @Test
  void exchangedAndImpersonationTokensCarryTheirAudienceLifetimeAndActor() throws Exception {
    IssuedAccessToken issued =
        issuer.issue(
            new TokenRequest(
                "target-id",
                "bob",
                Set.of("user"),
                Set.of("tasks:read"),
                "web",
                null,
                List.of("reports"),
                Duration.ofMinutes(5),
                "admin-id",
                null,
                Map.of(
                    "permissions",
                    List.of("reports:export", "tasks:read"),
                    "sub",
                    "forged",
                    "department",
                    "research")));
    JWTClaimsSet claims = SignedJWT.parse(issued.token()).getJWTClaimsSet();
    assertEquals(List.of("reports"), claims.getAudience());
    assertEquals(List.of("reports:export", "tasks:read"), claims.getStringListClaim("permissions"));
    assertEquals("research", claims.getStringClaim("department"));
    assertEquals("target-id", claims.getSubject(), "a user claim never overrides a fixed one");
    assertEquals(TestTokens.NOW.plusSeconds(300), claims.getExpirationTime().toInstant());
    assertEquals(300, issued.expiresInSeconds());
    assertEquals(Map.of("sub", "admin-id"), claims.getJSONObjectClaim("act"));
  }

  @Test
  void aClientCredentialsTokenWithoutRolesHasNoGroupsClaim() throws Exception {
    IssuedAccessToken issued =
        issuer.issue(new TokenRequest("svc", "svc", Set.of(), Set.of("tasks:read"), "svc", null));
    JWTClaimsSet claims = SignedJWT.parse(issued.token()).getJWTClaimsSet();
    assertEquals(null, claims.getClaim("groups"));
    assertEquals(null, claims.getClaim("act"));
    assertEquals("svc", TestTokens.verifier().verify(issued.token()).subject());
  }

  @Test
  void aClientLimitsTheScopesAUserMayBeGranted() {
    ScopePolicy policy =
        new ScopePolicy(
            Map.of("user", Set.of("tasks:read", "tasks:write"), "admin", Set.of("admin")));
    assertEquals(
        Set.of("tasks:read"), policy.grant(Set.of("user"), null, Set.of("tasks:read", "admin")));
    assertEquals(
        Set.of("tasks:read"), policy.grant(Set.of("user"), "tasks:read", Set.of("tasks:read")));
    assertThrows(
        InvalidScopeException.class,
        () -> policy.grant(Set.of("user"), "tasks:write", Set.of("tasks:read")));
    assertThrows(
        InvalidScopeException.class, () -> policy.grant(Set.of("user"), "admin", Set.of("admin")));
    assertEquals(Set.of("a"), ScopePolicy.narrow(Set.of("a", "b"), "a", "x"));
    assertThrows(InvalidScopeException.class, () -> ScopePolicy.narrow(Set.of("a"), "a b", "x"));
  }

  @Test
  void scopesAreWhatTheRolesAllowOrANarrowerRequest() {
    ScopePolicy policy =
        new ScopePolicy(
            Map.of("user", Set.of("tasks:read", "tasks:write"), "admin", Set.of("admin")));
    // Every user may hold the OpenID Connect scopes; a client only when registered for them.
    Set<String> user = new java.util.TreeSet<>(ScopePolicy.IDENTITY);
    user.addAll(Set.of("tasks:read", "tasks:write"));
    assertEquals(user, policy.grant(Set.of("user"), null));
    user.add("admin");
    assertEquals(user, policy.grant(Set.of("user", "admin"), " "));
    assertEquals(
        Set.of("openid", "tasks:read"),
        policy.grant(Set.of("user"), null, Set.of("openid", "tasks:read", "admin")));
    assertEquals(Set.of("tasks:read"), policy.grant(Set.of("user"), "tasks:read"));
    assertThrows(
        InvalidScopeException.class, () -> policy.grant(Set.of("user"), "tasks:read admin"));
  }
}
