package dev.jwtauth.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The verified-token cache: a hit skips the signature and claims, never expiry, revocation or the
 * key's withdrawal, and is only ever for the exact same string.
 */
class VerifiedTokenCacheTest {

  private final MovableClock clock = new MovableClock(TestTokens.NOW);
  private final Set<String> revokedJtis = new HashSet<>();
  private final Map<String, VerificationKey> published = new ConcurrentHashMap<>();
  private final VerifiedTokenCache cache = VerifiedTokenCache.ofMaxBytes(1 << 20, clock);
  private final TokenVerifier verifier =
      new TokenVerifier(
          TestTokens.settings(),
          (issuer, kid) -> Optional.ofNullable(published.get(kid)),
          token -> revokedJtis.contains(token.jti()),
          clock,
          cache);

  VerifiedTokenCacheTest() throws Exception {
    publishKey();
  }

  @Test
  void theSecondPresentationIsAHit() throws Exception {
    String token = TestTokens.valid();
    VerifiedToken first = verifier.verify(token);
    assertSame(first, verifier.verify(token));
    assertEquals(new VerifiedTokenCache.Stats(1, 1, 1), cache.stats());
  }

  @Test
  void aCachedTokenIsRefusedRightAfterItsRevocation() throws Exception {
    String token = TestTokens.valid();
    VerifiedToken verified = verifier.verify(token);
    verifier.verify(token);
    revokedJtis.add(verified.jti());
    assertReason(Reason.REVOKED, token);
  }

  @Test
  void aCachedTokenIsRefusedRightAfterItExpires() throws Exception {
    String token = TestTokens.valid(); // exp = NOW + 840 s, skew 30 s
    verifier.verify(token);
    clock.set(TestTokens.NOW.plusSeconds(869));
    verifier.verify(token);
    clock.set(TestTokens.NOW.plusSeconds(870));
    assertReason(Reason.EXPIRED, token);
  }

  @Test
  void aCachedTokenIsRefusedRightAfterItsKeyIsWithdrawn() throws Exception {
    String token = TestTokens.valid();
    verifier.verify(token);
    published.clear();
    assertReason(Reason.UNKNOWN_KEY, token);
  }

  @Test
  void aReloadedKeySendsTheTokenThroughFullVerificationAgain() throws Exception {
    String token = TestTokens.valid();
    verifier.verify(token);
    publishKey(); // the same key, loaded again: a new object
    verifier.verify(token);
    assertEquals(2, cache.stats().misses(), "verified in full again");
  }

  @Test
  void aDifferentStringIsNeverServedFromTheCache() throws Exception {
    String token = TestTokens.valid();
    verifier.verify(token);
    String[] parts = token.split("\\.");
    int middle = parts[2].length() / 2;
    char flipped = parts[2].charAt(middle) == 'A' ? 'B' : 'A';
    String otherSignature =
        parts[2].substring(0, middle) + flipped + parts[2].substring(middle + 1);
    assertReason(Reason.BAD_SIGNATURE, parts[0] + "." + parts[1] + "." + otherSignature);
    String another = TestTokens.valid();
    assertEquals(
        com.nimbusds.jwt.SignedJWT.parse(another).getJWTClaimsSet().getJWTID(),
        verifier.verify(another).jti(),
        "each string gets its own claims");
  }

  @Test
  void aDisabledCacheVerifiesEveryTime() throws Exception {
    VerifiedTokenCache off = VerifiedTokenCache.ofMaxBytes(0, clock);
    TokenVerifier uncached =
        new TokenVerifier(
            TestTokens.settings(),
            (issuer, kid) -> Optional.ofNullable(published.get(kid)),
            token -> false,
            clock,
            off);
    String token = TestTokens.valid();
    uncached.verify(token);
    uncached.verify(token);
    assertEquals(new VerifiedTokenCache.Stats(0, 0, 0), off.stats());
  }

  private void publishKey() throws Exception {
    published.put(
        TestTokens.KEY.getKeyID(),
        new VerificationKey(
            TestTokens.KEY.getKeyID(),
            JWSAlgorithm.RS256,
            new RSASSAVerifier(TestTokens.KEY.toRSAPublicKey())));
  }

  private void assertReason(Reason expected, String token) {
    assertEquals(
        expected, assertThrows(InvalidTokenException.class, () -> verifier.verify(token)).reason());
  }
}
