package dev.jwtauth.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.crypto.impl.ECDSA;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The verification rules with an ES256 key (auth.keys.algorithm=ES256, or an imported P-256 key)
 * published beside an RS256 one, as during a migration: each key fixes its own algorithm (rule 2),
 * and the ECDSA-specific forgeries are refused.
 */
class Es256VerificationTest {

  private static final ECKey EC = generate("ec-key");
  private static final ECKey OTHER_EC = generate("ec-key");

  private final TokenVerifier verifier =
      new TokenVerifier(TestTokens.settings(), keys(), token -> false, TestTokens.CLOCK);

  @Test
  void anEs256TokenOfTheEcKeyIsAccepted() throws Exception {
    assertEquals("alice", verifier.verify(es256(EC, ecHeader())).username());
  }

  @Test
  void theRsaKeyStillVerifiesItsOwnTokensBesideIt() throws Exception {
    verifier.verify(TestTokens.valid());
  }

  @Test
  void anRs256TokenNamingTheEcKeyIsRefused() {
    String rs256 =
        TestTokens.sign(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(EC.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            TestTokens.validClaims().build(),
            TestTokens.KEY);
    assertReason(Reason.ALGORITHM_NOT_ALLOWED, rs256);
  }

  @Test
  void anEs256TokenNamingTheRsaKeyIsRefused() {
    String es256 =
        es256(
            EC,
            new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(TestTokens.KEY.getKeyID())
                .type(JOSEObjectType.JWT)
                .build());
    assertReason(Reason.ALGORITHM_NOT_ALLOWED, es256);
  }

  @Test
  void hs256SignedWithTheEcPublicKeyAsSecretIsRefused() throws Exception {
    SignedJWT confused =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256)
                .keyID(EC.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            TestTokens.validClaims().build());
    confused.sign(new MACSigner(EC.toECPublicKey().getEncoded()));
    assertReason(Reason.ALGORITHM_NOT_ALLOWED, confused.serialize());
  }

  @Test
  void aSignatureByAnotherEcKeyIsRefused() {
    assertReason(Reason.BAD_SIGNATURE, es256(OTHER_EC, ecHeader()));
  }

  /** CVE-2022-21449: r = s = 0 verified as valid on unpatched JDKs. */
  @Test
  void aPsychicSignatureOfZerosIsRefused() {
    String[] parts = es256(EC, ecHeader()).split("\\.");
    String zeros = Base64URL.encode(new byte[64]).toString();
    assertReason(Reason.BAD_SIGNATURE, parts[0] + "." + parts[1] + "." + zeros);
  }

  /**
   * JWS wants R || S (RFC 7518 §3.4); the same signature DER-encoded, as the JCA makes it, is not
   * one.
   */
  @Test
  void aDerEncodedSignatureIsRefused() throws Exception {
    String[] parts = es256(EC, ecHeader()).split("\\.");
    byte[] der = ECDSA.transcodeSignatureToDER(Base64URL.from(parts[2]).decode());
    assertReason(Reason.BAD_SIGNATURE, parts[0] + "." + parts[1] + "." + Base64URL.encode(der));
  }

  private static JWSHeader ecHeader() {
    return new JWSHeader.Builder(JWSAlgorithm.ES256)
        .keyID(EC.getKeyID())
        .type(JOSEObjectType.JWT)
        .build();
  }

  private static String es256(ECKey key, JWSHeader header) {
    try {
      SignedJWT jwt = new SignedJWT(header, TestTokens.validClaims().build());
      jwt.sign(new ECDSASigner(key));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The RS256 test key and the ES256 key, each with its own algorithm. */
  private static VerificationKeys keys() {
    try {
      Map<String, VerificationKey> known =
          Map.of(
              TestTokens.KEY.getKeyID(),
              new VerificationKey(
                  TestTokens.KEY.getKeyID(),
                  JWSAlgorithm.RS256,
                  new RSASSAVerifier(TestTokens.KEY.toRSAPublicKey())),
              EC.getKeyID(),
              new VerificationKey(
                  EC.getKeyID(), JWSAlgorithm.ES256, new ECDSAVerifier(EC.toECPublicKey())));
      return (issuer, kid) -> Optional.ofNullable(known.get(kid));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static ECKey generate(String kid) {
    try {
      return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void assertReason(Reason expected, String token) {
    assertEquals(
        expected, assertThrows(InvalidTokenException.class, () -> verifier.verify(token)).reason());
  }
}
