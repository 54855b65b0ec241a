package dev.jwtauth.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.Test;

/** The JDK's Ed25519 behind Nimbus's signer and verifier: RFC 8037's example, and Bouncy Castle. */
class Ed25519KeysTest {

  // RFC 8037 Appendix A.1 (key) and A.4 (signature of "Example of Ed25519 signing").
  private static final String D = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A";
  private static final String X = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";
  private static final String SIGNING_INPUT =
      "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc";
  private static final String SIGNATURE =
      "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";
  private static final JWSHeader EDDSA = new JWSHeader(JWSAlgorithm.EdDSA);

  @Test
  void theRfc8037ExampleSignsAndVerifiesByteForByte() throws Exception {
    OctetKeyPair key = Ed25519Keys.jwk(Base64URL.from(D).decode());
    assertEquals(X, key.getX().toString(), "the public key computed from the seed");
    byte[] input = SIGNING_INPUT.getBytes(StandardCharsets.US_ASCII);
    assertEquals(SIGNATURE, new Ed25519Keys.Signer(key).sign(EDDSA, input).toString());
    assertTrue(
        new Ed25519Keys.Verifier(key.toPublicJWK())
            .verify(EDDSA, input, Base64URL.from(SIGNATURE)));
  }

  @Test
  void aGeneratedKeySignsWhatBouncyCastleVerifies() throws Exception {
    OctetKeyPair key = Ed25519Keys.generate();
    assertEquals("EdDSA", key.getAlgorithm().getName());
    assertEquals(key.computeThumbprint().toString(), key.getKeyID());
    byte[] input = "a signing input".getBytes(StandardCharsets.US_ASCII);
    byte[] signature = new Ed25519Keys.Signer(key).sign(EDDSA, input).decode();
    Ed25519Signer independent = new Ed25519Signer();
    independent.init(false, new Ed25519PublicKeyParameters(key.getDecodedX(), 0));
    independent.update(input, 0, input.length);
    assertTrue(independent.verifySignature(signature));
  }

  @Test
  void anythingButTheRightSignatureUnderEdDsaIsNotValid() throws Exception {
    OctetKeyPair key = Ed25519Keys.jwk(Base64URL.from(D).decode());
    Ed25519Keys.Verifier verifier = new Ed25519Keys.Verifier(key.toPublicJWK());
    byte[] input = SIGNING_INPUT.getBytes(StandardCharsets.US_ASCII);
    assertFalse(verifier.verify(EDDSA, input, Base64URL.encode(new byte[64])), "zeros");
    assertFalse(verifier.verify(EDDSA, input, Base64URL.encode(new byte[63])), "a byte short");
    assertFalse(
        verifier.verify(new JWSHeader(JWSAlgorithm.Ed448), input, Base64URL.from(SIGNATURE)),
        "another algorithm");
    byte[] other = "another input".getBytes(StandardCharsets.US_ASCII);
    assertFalse(verifier.verify(EDDSA, other, Base64URL.from(SIGNATURE)), "another input");
  }
}
