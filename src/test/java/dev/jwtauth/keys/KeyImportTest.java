package dev.jwtauth.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Imported keys: PEM (PKCS#8) and JWK, checked before anything is stored. */
class KeyImportTest {

  @Test
  void anRsaPemBecomesAnRs256SigningKeyWithItsThumbprintAsKid() throws Exception {
    KeyPair pair = pair("RSA", 2048);
    JWK key = KeyImport.fromPem(pem(pair));
    assertTrue(key instanceof RSAKey && key.isPrivate());
    assertEquals("RS256", key.getAlgorithm().getName());
    assertEquals("sig", key.getKeyUse().identifier());
    assertEquals(key.computeThumbprint().toString(), key.getKeyID());
    assertEquals(pair.getPublic(), ((RSAKey) key).toPublicKey());
  }

  @Test
  void aP256PemBecomesAnEs256SigningKeyWithItsPublicPointComputed() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair pair = generator.generateKeyPair();
    JWK key = KeyImport.fromPem(pem(pair));
    assertEquals("ES256", key.getAlgorithm().getName());
    assertEquals(pair.getPublic(), ((ECKey) key).toPublicKey());
  }

  @Test
  void otherPemsAreRefusedWithTheReason() throws Exception {
    KeyPairGenerator p384 = KeyPairGenerator.getInstance("EC");
    p384.initialize(new ECGenParameterSpec("secp384r1"));
    assertRefused("P-256", () -> KeyImport.fromPem(pem(p384.generateKeyPair())));
    assertRefused("2048", () -> KeyImport.fromPem(pem(pair("RSA", 1024))));
    assertRefused(
        "openssl pkcs8",
        () ->
            KeyImport.fromPem(
                "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----"));
    assertRefused(
        "PKCS#8",
        () -> KeyImport.fromPem("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"));
    assertRefused(
        "RSA, a P-256 EC or an Ed25519",
        () -> KeyImport.fromPem("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"));
  }

  @Test
  void anEd25519PemAndJwkBecomeEdDsaSigningKeys() throws Exception {
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    JWK fromPem = KeyImport.fromPem(pem(pair));
    assertEquals("EdDSA", fromPem.getAlgorithm().getName());
    assertEquals(
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(Arrays.copyOfRange(pair.getPublic().getEncoded(), 12, 44)),
        ((OctetKeyPair) fromPem).getX().toString(),
        "the public key computed from the private one");
    JWK fromJwk = KeyImport.fromJwk(fromPem.toJSONString());
    assertEquals(fromPem.getKeyID(), fromJwk.getKeyID());
    OctetKeyPair mismatched =
        new OctetKeyPair.Builder(Ed25519Keys.generate().toPublicJWK())
            .d(((OctetKeyPair) fromPem).getD())
            .build();
    assertRefused("match", () -> KeyImport.fromJwk(mismatched.toJSONString()));
  }

  @Test
  void aJwkKeepsItsKidSoTokensOfAPreviousIssuerKeepVerifying() throws Exception {
    ECKey generated = new ECKeyGenerator(Curve.P_256).keyID("old-issuer-2025").generate();
    JWK key = KeyImport.fromJwk(generated.toJSONString());
    assertEquals("old-issuer-2025", key.getKeyID());
    assertEquals("ES256", key.getAlgorithm().getName());
  }

  @Test
  void jwksThatCannotSignOurTokensAreRefused() throws Exception {
    RSAKey rsa = new RSAKeyGenerator(2048).generate();
    RSAKey other = new RSAKeyGenerator(2048).generate();
    assertRefused("private part", () -> KeyImport.fromJwk(rsa.toPublicJWK().toJSONString()));
    assertRefused(
        "match",
        () ->
            KeyImport.fromJwk(
                new RSAKey.Builder(rsa.toRSAPublicKey())
                    .privateKey(other.toRSAPrivateKey())
                    .build()
                    .toJSONString()));
    assertRefused(
        "RS256",
        () ->
            KeyImport.fromJwk(
                new RSAKey.Builder(rsa)
                    .algorithm(com.nimbusds.jose.JWSAlgorithm.PS256)
                    .build()
                    .toJSONString()));
    assertRefused(
        "use sig",
        () ->
            KeyImport.fromJwk(
                new RSAKey.Builder(rsa)
                    .keyUse(com.nimbusds.jose.jwk.KeyUse.ENCRYPTION)
                    .build()
                    .toJSONString()));
    assertRefused(
        "kid must be",
        () ->
            KeyImport.fromJwk(
                new RSAKey.Builder(rsa).keyID("a kid/with spaces").build().toJSONString()));
    assertRefused("not a JSON Web Key", () -> KeyImport.fromJwk("{\"kty\":\"nope\"}"));
  }

  private static void assertRefused(String reason, org.junit.jupiter.api.function.Executable call) {
    InvalidKeyMaterialException refused = assertThrows(InvalidKeyMaterialException.class, call);
    assertTrue(refused.getMessage().contains(reason), refused.getMessage());
    assertEquals(400, refused.status());
  }

  private static KeyPair pair(String algorithm, int bits) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
    generator.initialize(bits);
    return generator.generateKeyPair();
  }

  private static String pem(KeyPair pair) {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }
}
