package dev.jwtauth.verify;

import static dev.jwtauth.verify.TestTokens.KEY;
import static dev.jwtauth.verify.TestTokens.OTHER_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Rule 5.5: a token of a trusted issuer is verified with that issuer's keys only, against its own
 * audience, and its roles (here Keycloak's {@code realm_access.roles}) become the caller's groups.
 */
class TrustedIssuerTest {

  private static final String OTHER = "https://other.test/realms/shop";

  private final TrustedIssuer other =
      new TrustedIssuer(OTHER, "notes", "/realm_access/roles", keysOf(OTHER, OTHER_KEY));

  private final TokenVerifier verifier =
      new TokenVerifier(
          TestTokens.settings(),
          TestTokens.keys(),
          token -> false,
          TestTokens.CLOCK,
          VerifiedTokenCache.ofMaxBytes(1 << 20, TestTokens.CLOCK),
          List.of(other));

  @Test
  void aTrustedIssuersTokenIsVerifiedWithItsKeysAndItsRolesBecomeTheGroups() throws Exception {
    String token = otherToken(OTHER, "notes", OTHER_KEY);
    VerifiedToken verified = verifier.verify(token);
    assertEquals(Set.of("user", "auditor"), verified.groups());
    assertEquals(OTHER, verified.issuer());
    assertEquals(verified, verifier.verify(token), "again, from the cache");
    verifier.verify(TestTokens.valid()); // the service's own tokens as before
  }

  @Test
  void aKeyOfOneIssuerNeverVerifiesAnothersToken() {
    // The other issuer's kid, signed with the service's key.
    assertReason(Reason.BAD_SIGNATURE, otherToken(OTHER, "notes", KEY));
    assertReason(
        Reason.UNKNOWN_KEY,
        TestTokens.sign(
            TestTokens.validHeader().build(),
            otherClaims(OTHER, "notes").build(),
            KEY)); // the service's kid and key, claiming the other issuer
    assertReason(
        Reason.UNKNOWN_KEY,
        TestTokens.sign(
            TestTokens.validHeader().keyID(OTHER_KEY.getKeyID()).build(),
            TestTokens.validClaims().build(),
            OTHER_KEY)); // the other issuer's kid and key, claiming the service
  }

  @Test
  void eachIssuerHasItsOwnAudience() {
    assertReason(Reason.WRONG_AUDIENCE, otherToken(OTHER, "api", OTHER_KEY));
    assertReason(Reason.WRONG_AUDIENCE, TestTokens.withClaims(claims -> claims.audience("notes")));
  }

  @Test
  void anIssuerNotTrustedIsRefused() {
    assertReason(
        Reason.WRONG_ISSUER, TestTokens.withClaims(claims -> claims.issuer("https://third.test")));
  }

  @Test
  void rolesAreReadAtTheirPointerOnly() {
    TrustedIssuer flat = new TrustedIssuer(OTHER, "notes", "/roles", keysOf(OTHER, OTHER_KEY));
    assertEquals(List.of("a"), flat.withRolesAsGroups(Map.of("roles", "a")).get("groups"));
    assertEquals(
        List.of("a"), flat.withRolesAsGroups(Map.of("roles", List.of("a", 7))).get("groups"));
    assertEquals(
        List.of(),
        flat.withRolesAsGroups(Map.of("roles", Map.of(), "groups", List.of("admin"))).get("groups"),
        "the token's own groups are not kept");
    assertThrows(
        IllegalArgumentException.class,
        () -> new TrustedIssuer(OTHER, "notes", "roles", keysOf(OTHER, OTHER_KEY)));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new TokenVerifier(
                TestTokens.settings(),
                TestTokens.keys(),
                token -> false,
                TestTokens.CLOCK,
                VerifiedTokenCache.disabled(),
                List.of(new TrustedIssuer(TestTokens.ISSUER, "api", null, TestTokens.keys()))),
        "the service's own issuer cannot be trusted a second time");
  }

  private void assertReason(Reason expected, String token) {
    assertEquals(
        expected, assertThrows(InvalidTokenException.class, () -> verifier.verify(token)).reason());
  }

  private static JWTClaimsSet.Builder otherClaims(String issuer, String audience) {
    return TestTokens.validClaims()
        .issuer(issuer)
        .audience(audience)
        .claim("groups", null)
        .claim("realm_access", Map.of("roles", List.of("user", "auditor")));
  }

  private static String otherToken(String issuer, String audience, RSAKey key) {
    return TestTokens.sign(
        TestTokens.validHeader().keyID(OTHER_KEY.getKeyID()).build(),
        otherClaims(issuer, audience).build(),
        key);
  }

  private static VerificationKeys keysOf(String issuer, RSAKey key) {
    try {
      VerificationKey known =
          new VerificationKey(
              key.getKeyID(), JWSAlgorithm.RS256, new RSASSAVerifier(key.toRSAPublicKey()));
      return (tokenIssuer, kid) ->
          issuer.equals(tokenIssuer) && key.getKeyID().equals(kid)
              ? Optional.of(known)
              : Optional.empty();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
