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

  private final AccessTokenIssuer issuer = TestTokens.issuer();

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
    assertEquals(Set.of("tasks:read", "tasks:write"), policy.grant(Set.of("user"), null));
    assertEquals(
        Set.of("admin", "tasks:read", "tasks:write"), policy.grant(Set.of("user", "admin"), " "));
    assertEquals(Set.of("tasks:read"), policy.grant(Set.of("user"), "tasks:read"));
    assertThrows(
        InvalidScopeException.class, () -> policy.grant(Set.of("user"), "tasks:read admin"));
  }
}
