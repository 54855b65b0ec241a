package dev.jwtauth.verify;

import static dev.jwtauth.verify.TestTokens.KEY;
import static dev.jwtauth.verify.TestTokens.NOW;
import static dev.jwtauth.verify.TestTokens.OTHER_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.jwtauth.guard.GuardSettings;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * One test per verification rule (docs/security.md, Access tokens); each token breaks exactly one
 * rule.
 */
class TokenVerifierTest {

  private final TokenVerifier verifier = TestTokens.verifier();

  @Test
  void aTokenKeepingEveryRuleIsAccepted() throws Exception {
    VerifiedToken token = verifier.verify(TestTokens.valid());
    assertEquals("alice", token.username());
    assertEquals(Set.of("user"), token.groups());
  }

  @Nested
  class Rule1Size {
    /** The shortest refused token is one character over 8 KB. */
    @Test
    void oneCharacterOverEightKilobytesIsRefusedUnparsed() {
      String big = tokenOfLength(GuardSettings.MAX_TOKEN_LENGTH + 1);
      assertEquals(GuardSettings.MAX_TOKEN_LENGTH + 1, big.length());
      assertReason(Reason.TOO_LARGE, big);
    }

    /** The longest accepted token is exactly 8 KB. */
    @Test
    void exactlyEightKilobytesIsAccepted() throws Exception {
      String token = tokenOfLength(GuardSettings.MAX_TOKEN_LENGTH);
      assertEquals(GuardSettings.MAX_TOKEN_LENGTH, token.length());
      verifier.verify(token);
    }

    /**
     * A valid token of exactly this length. Base64url never yields a length of 4k+1 characters, so
     * the payload is sized first and a harmless header parameter of 0-3 characters makes up the
     * rest.
     */
    private String tokenOfLength(int length) {
      String unpadded = TestTokens.withClaims(c -> c.claim("padding", ""));
      int padding = length - unpadded.length() - 16;
      for (int header = 0; header < 4; header++) {
        for (int extra = 0; extra < 8; extra++) {
          String pad = "x".repeat((padding * 3) / 4 + extra);
          String marker = "h".repeat(header);
          String token =
              TestTokens.sign(
                  TestTokens.validHeader().customParam("m", marker).build(),
                  TestTokens.validClaims().claim("padding", pad).build(),
                  KEY);
          if (token.length() == length) {
            return token;
          }
        }
      }
      throw new AssertionError("no valid token of exactly " + length + " characters");
    }

    @Test
    void garbageIsMalformed() {
      assertReason(Reason.MALFORMED, "not-a-jwt");
      assertReason(Reason.MALFORMED, "a.b.c");
      assertReason(Reason.MALFORMED, "");
    }
  }

  @Nested
  class Rule2CompactJwsWithTheKeysAlgorithm {
    @Test
    void algNoneIsRefused() {
      String unsecured = new PlainJWT(TestTokens.validClaims().build()).serialize();
      assertReason(Reason.UNSECURED, unsecured);
    }

    @Test
    void jweIsRefused() throws Exception {
      EncryptedJWT jwe =
          new EncryptedJWT(
              new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM)
                  .keyID(KEY.getKeyID())
                  .build(),
              TestTokens.validClaims().build());
      jwe.encrypt(new RSAEncrypter(KEY.toRSAPublicKey()));
      assertReason(Reason.ENCRYPTED, jwe.serialize());
    }

    @Test
    void hs256SignedWithTheRsaPublicKeyAsSecretIsRefused() throws Exception {
      SignedJWT confused =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.HS256)
                  .keyID(KEY.getKeyID())
                  .type(JOSEObjectType.JWT)
                  .build(),
              TestTokens.validClaims().build());
      confused.sign(new MACSigner(KEY.toRSAPublicKey().getEncoded()));
      assertReason(Reason.ALGORITHM_NOT_ALLOWED, confused.serialize());
    }

    @Test
    void anotherRsaAlgorithmThanTheKeysIsRefused() {
      String ps256 =
          TestTokens.sign(
              new JWSHeader.Builder(JWSAlgorithm.PS256)
                  .keyID(KEY.getKeyID())
                  .type(JOSEObjectType.JWT)
                  .build(),
              TestTokens.validClaims().build(),
              KEY);
      assertReason(Reason.ALGORITHM_NOT_ALLOWED, ps256);
    }

    @Test
    void aForgedSignatureIsRefused() {
      String forged =
          TestTokens.sign(
              TestTokens.validHeader().build(), TestTokens.validClaims().build(), OTHER_KEY);
      assertReason(Reason.BAD_SIGNATURE, forged);
    }

    @Test
    void aTamperedPayloadIsRefused() {
      String[] parts = TestTokens.valid().split("\\.");
      String payload =
          Base64URL.encode(
                  TestTokens.validClaims().claim("groups", List.of("admin")).build().toString())
              .toString();
      assertReason(Reason.BAD_SIGNATURE, parts[0] + "." + payload + "." + parts[2]);
    }
  }

  @Nested
  class Rule3KnownKidAndNoKeyReferences {
    @Test
    void unknownKidIsRefused() {
      assertReason(
          Reason.UNKNOWN_KEY,
          TestTokens.sign(
              TestTokens.validHeader().keyID(OTHER_KEY.getKeyID()).build(),
              TestTokens.validClaims().build(),
              OTHER_KEY));
    }

    @Test
    void missingKidIsRefused() {
      assertReason(Reason.UNKNOWN_KEY, TestTokens.withHeader(h -> h.keyID(null)));
    }

    @Test
    void anEmbeddedJwkIsNeverTrusted() {
      // The attacker signs with their own key and ships its public part in the header.
      String token =
          TestTokens.sign(
              TestTokens.validHeader().jwk(OTHER_KEY.toPublicJWK()).build(),
              TestTokens.validClaims().build(),
              OTHER_KEY);
      assertReason(Reason.UNTRUSTED_HEADER, token);
    }

    @Test
    void aJkuIsNeverFollowed() {
      assertReason(
          Reason.UNTRUSTED_HEADER,
          TestTokens.withHeader(h -> h.jwkURL(URI.create("https://attacker.test/jwks.json"))));
    }

    @Test
    void anX5uIsNeverFollowed() {
      assertReason(
          Reason.UNTRUSTED_HEADER,
          TestTokens.withHeader(h -> h.x509CertURL(URI.create("https://attacker.test/cert.pem"))));
    }

    @Test
    void anUnknownCriticalHeaderIsRefused() {
      assertReason(
          Reason.UNKNOWN_CRITICAL_HEADER,
          TestTokens.withHeader(
              h ->
                  h.criticalParams(Set.of("urn:example:policy"))
                      .customParam("urn:example:policy", "x")));
    }
  }

  @Nested
  class Rule4AccessTokenType {
    @Test
    void anotherTypIsRefused() {
      assertReason(
          Reason.WRONG_TYPE,
          TestTokens.withHeader(h -> h.type(new JOSEObjectType("id_token+jwt"))));
    }

    @Test
    void atJwtIsRefusedWhenJwtIsConfigured() {
      assertReason(
          Reason.WRONG_TYPE, TestTokens.withHeader(h -> h.type(new JOSEObjectType("at+jwt"))));
    }

    @Test
    void aMissingTypIsRefused() {
      assertReason(Reason.WRONG_TYPE, TestTokens.withHeader(h -> h.type(null)));
    }

    @Test
    void typComparesCaseInsensitivelyWithOrWithoutApplicationPrefix() throws Exception {
      verifier.verify(TestTokens.withHeader(h -> h.type(new JOSEObjectType("application/jwt"))));
    }
  }

  @Nested
  class Rule5Claims {
    @Test
    void wrongIssuerIsRefused() {
      assertReason(
          Reason.WRONG_ISSUER, TestTokens.withClaims(c -> c.issuer("https://elsewhere.test")));
    }

    @Test
    void wrongAudienceIsRefused() {
      assertReason(Reason.WRONG_AUDIENCE, TestTokens.withClaims(c -> c.audience("other-api")));
      assertReason(Reason.WRONG_AUDIENCE, TestTokens.withClaims(c -> c.audience((String) null)));
    }

    @Test
    void anAudienceListContainingOursIsAccepted() throws Exception {
      verifier.verify(TestTokens.withClaims(c -> c.audience(List.of("other-api", "api"))));
    }

    @Test
    void expiredBeyondTheSkewIsRefused() {
      assertReason(
          Reason.EXPIRED,
          TestTokens.withClaims(c -> c.expirationTime(Date.from(NOW.minusSeconds(31)))));
    }

    @Test
    void expiredWithinTheSkewIsAccepted() throws Exception {
      verifier.verify(
          TestTokens.withClaims(c -> c.expirationTime(Date.from(NOW.minusSeconds(29)))));
    }

    /**
     * A token may live at most as long as the longest lifetime any client is given (1 day), so the
     * revocations, kept that long, always cover it; a longer one is refused whatever key signed it.
     */
    @Test
    void aLifetimeLongerThanAnyTokenIssuedIsRefused() throws Exception {
      Instant iat = NOW.minusSeconds(1);
      assertReason(
          Reason.LIFETIME_TOO_LONG,
          TestTokens.withClaims(
              c ->
                  c.issueTime(Date.from(iat))
                      .expirationTime(Date.from(iat.plus(Duration.ofDays(1)).plusSeconds(1)))));
      verifier.verify(
          TestTokens.withClaims(
              c ->
                  c.issueTime(Date.from(iat))
                      .expirationTime(Date.from(iat.plus(Duration.ofDays(1))))));
      assertEquals(Duration.ofDays(1), TokenVerifier.MAX_LIFETIME);
    }

    @Test
    void futureNbfIsRefused() {
      assertReason(
          Reason.NOT_YET_VALID,
          TestTokens.withClaims(c -> c.notBeforeTime(Date.from(NOW.plusSeconds(31)))));
    }

    @Test
    void futureIatIsRefused() {
      assertReason(
          Reason.NOT_YET_VALID,
          TestTokens.withClaims(c -> c.issueTime(Date.from(NOW.plusSeconds(31)))));
    }

    @Test
    void nbfWithinTheSkewIsAccepted() throws Exception {
      verifier.verify(TestTokens.withClaims(c -> c.notBeforeTime(Date.from(NOW.plusSeconds(29)))));
    }

    @Test
    void missingExpIsRefused() {
      assertReason(Reason.MISSING_CLAIM, TestTokens.withClaims(c -> c.expirationTime(null)));
    }

    @Test
    void missingIatIsRefused() {
      assertReason(Reason.MISSING_CLAIM, TestTokens.withClaims(c -> c.issueTime(null)));
    }

    @Test
    void missingSubIsRefused() {
      assertReason(Reason.MISSING_CLAIM, TestTokens.withClaims(c -> c.subject(null)));
    }

    @Test
    void missingJtiIsRefused() {
      assertReason(Reason.MISSING_CLAIM, TestTokens.withClaims(c -> c.jwtID(null)));
    }
  }

  @Nested
  class Rule6Revocation {
    @Test
    void theRevocationHookIsConsultedForOtherwiseValidTokens() throws Exception {
      String token = TestTokens.valid();
      String jti =
          JWTClaimsSet.parse(SignedJWT.parse(token).getPayload().toJSONObject()).getJWTID();
      TokenVerifier revoking = TestTokens.verifier(t -> t.jti().equals(jti));
      assertReason(revoking, Reason.REVOKED, token);
      verifier.verify(token);
    }

    /** A guard that fails closed and has lost the service's revocations refuses every token. */
    @Test
    void aCheckThatCannotAnswerRefusesEveryToken() throws Exception {
      String token = TestTokens.valid();
      TokenVerifier blind =
          TestTokens.verifier(
              new RevocationCheck() {
                @Override
                public boolean isRevoked(VerifiedToken t) {
                  return false;
                }

                @Override
                public boolean available() {
                  return false;
                }
              });
      assertReason(blind, Reason.REVOCATION_STATE_UNAVAILABLE, token);
    }
  }

  private void assertReason(Reason expected, String token) {
    assertReason(verifier, expected, token);
  }

  private static void assertReason(TokenVerifier verifier, Reason expected, String token) {
    Executable verify = () -> verifier.verify(token);
    assertEquals(expected, assertThrows(InvalidTokenException.class, verify).reason());
  }
}
