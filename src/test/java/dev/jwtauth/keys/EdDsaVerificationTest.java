package dev.jwtauth.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import dev.jwtauth.verify.InvalidTokenException;
import dev.jwtauth.verify.Reason;
import dev.jwtauth.verify.TestTokens;
import dev.jwtauth.verify.TokenVerifier;
import dev.jwtauth.verify.VerificationKey;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The verification rules with an Ed25519 key (auth.keys.algorithm=EdDSA) published beside an RS256
 * one: the key fixes its algorithm (rule 2), and signatures of another key, of zeros or cut short
 * are refused.
 */
class EdDsaVerificationTest {

  private static final OctetKeyPair ED = Ed25519Keys.generate();
  private static final OctetKeyPair OTHER_ED = Ed25519Keys.generate();

  private final TokenVerifier verifier =
      new TokenVerifier(
          TestTokens.settings(),
          (issuer, kid) -> Optional.ofNullable(keys().get(kid)),
          token -> false,
          TestTokens.CLOCK);

  @Test
  void anEdDsaTokenOfTheKeyIsAccepted() throws Exception {
    assertEquals("alice", verifier.verify(eddsa(ED, header(JWSAlgorithm.EdDSA))).username());
    verifier.verify(TestTokens.valid()); // and the RS256 key beside it
  }

  @Test
  void anRs256TokenNamingTheEd25519KeyIsRefused() {
    String rs256 =
        TestTokens.sign(
            header(JWSAlgorithm.RS256), TestTokens.validClaims().build(), TestTokens.KEY);
    assertReason(Reason.ALGORITHM_NOT_ALLOWED, rs256);
  }

  @Test
  void hs256SignedWithTheEd25519PublicKeyAsSecretIsRefused() throws Exception {
    SignedJWT confused =
        new SignedJWT(header(JWSAlgorithm.HS256), TestTokens.validClaims().build());
    byte[] secret = new byte[64]; // HS256 wants 256 bits at least: x twice
    System.arraycopy(ED.getDecodedX(), 0, secret, 0, 32);
    System.arraycopy(ED.getDecodedX(), 0, secret, 32, 32);
    confused.sign(new MACSigner(secret));
    assertReason(Reason.ALGORITHM_NOT_ALLOWED, confused.serialize());
  }

  @Test
  void signaturesOfAnotherKeyOfZerosOrCutShortAreRefused() {
    assertReason(Reason.BAD_SIGNATURE, eddsa(OTHER_ED, header(JWSAlgorithm.EdDSA)));
    String[] parts = eddsa(ED, header(JWSAlgorithm.EdDSA)).split("\\.");
    assertReason(
        Reason.BAD_SIGNATURE, parts[0] + "." + parts[1] + "." + Base64URL.encode(new byte[64]));
    byte[] cut = java.util.Arrays.copyOf(Base64URL.from(parts[2]).decode(), 63);
    assertReason(Reason.BAD_SIGNATURE, parts[0] + "." + parts[1] + "." + Base64URL.encode(cut));
  }

  private static JWSHeader header(JWSAlgorithm algorithm) {
    return new JWSHeader.Builder(algorithm).keyID(ED.getKeyID()).type(JOSEObjectType.JWT).build();
  }

  private static String eddsa(OctetKeyPair key, JWSHeader header) {
    try {
      SignedJWT jwt = new SignedJWT(header, TestTokens.validClaims().build());
      jwt.sign(new Ed25519Keys.Signer(key));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, VerificationKey> keys() {
    try {
      return Map.of(
          TestTokens.KEY.getKeyID(),
          new VerificationKey(
              TestTokens.KEY.getKeyID(),
              JWSAlgorithm.RS256,
              new com.nimbusds.jose.crypto.RSASSAVerifier(TestTokens.KEY.toRSAPublicKey())),
          ED.getKeyID(),
          new VerificationKey(
              ED.getKeyID(), JWSAlgorithm.EdDSA, new Ed25519Keys.Verifier(ED.toPublicJWK())));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void assertReason(Reason expected, String token) {
    assertEquals(
        expected, assertThrows(InvalidTokenException.class, () -> verifier.verify(token)).reason());
  }
}
