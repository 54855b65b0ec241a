package dev.jwtauth.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/** New signing keys, each with its RFC 7638 thumbprint as kid (stable and collision-free). */
final class KeyGenerator {

  static final int RSA_KEY_BITS = 2048;

  private KeyGenerator() {}

  /** A key of {@code RS256}, {@code ES256} or {@code EdDSA}. */
  static JWK generate(String algorithm) {
    try {
      if ("EdDSA".equals(algorithm)) {
        return Ed25519Keys.generate();
      }
      if ("ES256".equals(algorithm)) {
        ECKey key =
            new ECKeyGenerator(Curve.P_256)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.ES256)
                .generate();
        return new ECKey.Builder(key).keyIDFromThumbprint().build();
      }
      RSAKey key =
          new RSAKeyGenerator(RSA_KEY_BITS)
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.RS256)
              .generate();
      return new RSAKey.Builder(key).keyIDFromThumbprint().build();
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot generate a " + algorithm + " signing key", e);
    }
  }
}
