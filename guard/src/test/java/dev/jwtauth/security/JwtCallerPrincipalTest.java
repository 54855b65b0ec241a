package dev.jwtauth.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtauth.verify.TestTokens;
import dev.jwtauth.verify.VerifiedToken;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/**
 * Verification rule 7 (docs/security.md): the caller is a MicroProfile JsonWebToken whose groups
 * are the roles.
 */
class JwtCallerPrincipalTest {

  @Test
  void exposesTheVerifiedClaimsTheWayMpJwtPromises() throws Exception {
    String raw =
        TestTokens.withClaims(
            c -> c.claim("act", Map.of("sub", "admin-id")).claim("scope", "tasks:read"));
    VerifiedToken verified = TestTokens.verifier().verify(raw);
    JsonWebToken caller = new JwtCallerPrincipal(verified);

    assertEquals("alice", caller.getName());
    assertEquals(Set.of("user"), caller.getGroups());
    assertEquals(Set.of("api"), caller.getAudience());
    assertEquals(verified.subject(), caller.getSubject());
    assertEquals(verified.expiresAt().getEpochSecond(), caller.getExpirationTime());
    assertEquals(raw, caller.getRawToken());
    assertEquals("tasks:read", caller.getClaim("scope"));
    assertEquals("admin-id", caller.<JsonObject>getClaim("act").getString("sub"));
    assertTrue(caller.getClaimNames().containsAll(Set.of("raw_token", "sub", "groups", "jti")));
  }

  @Test
  void anonymousHasNoClaims() {
    assertNull(JwtCallerPrincipal.ANONYMOUS.getName());
    assertNull(JwtCallerPrincipal.ANONYMOUS.getRawToken());
    assertTrue(JwtCallerPrincipal.ANONYMOUS.getGroups().isEmpty());
  }

  @Test
  void neverPrintsTheRawToken() {
    VerifiedToken token = new VerifiedToken("secret.token.value", Map.of("sub", "s", "jti", "j"));
    assertTrue(!new JwtCallerPrincipal(token).toString().contains("secret.token.value"));
  }
}
