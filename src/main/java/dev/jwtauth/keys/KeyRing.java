package dev.jwtauth.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import dev.jwtauth.verify.VerificationKey;
import dev.jwtauth.verify.VerificationKeys;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys in memory, as one immutable snapshot swapped atomically: the request path reads it
 * without locks, database queries or key parsing.
 */
@ApplicationScoped
public class KeyRing implements VerificationKeys {

  private record Snapshot(
      Map<String, VerificationKey> verifiers, ActiveSigner signer, String jwksJson) {}

  private volatile Snapshot snapshot = new Snapshot(Map.of(), null, new JWKSet().toString(true));

  /**
   * Replaces the keys in memory.
   *
   * @param keys every key that may still verify tokens, with private parts
   * @param activeKid the one that signs new tokens
   */
  public void load(List<JWK> keys, String activeKid) {
    Map<String, VerificationKey> verifiers = new LinkedHashMap<>();
    ActiveSigner signer = null;
    for (JWK key : keys) {
      JWSAlgorithm alg = JWSAlgorithm.parse(key.getAlgorithm().getName());
      verifiers.put(key.getKeyID(), new VerificationKey(key.getKeyID(), alg, verifierFor(key)));
      if (key.getKeyID().equals(activeKid)) {
        signer = new ActiveSigner(key.getKeyID(), alg, signerFor(key));
      }
    }
    if (signer == null) {
      throw new IllegalArgumentException(
          "The active key " + activeKid + " is not among the loaded keys");
    }
    String jwks = new JWKSet(keys).toString(true); // true: public members only
    snapshot = new Snapshot(Map.copyOf(verifiers), signer, jwks);
  }

  @Override
  public Optional<VerificationKey> find(String kid) {
    return Optional.ofNullable(snapshot.verifiers().get(kid));
  }

  /** The signer of new tokens; fails if keys were never loaded (start-up failed). */
  public ActiveSigner signer() {
    ActiveSigner signer = snapshot.signer();
    if (signer == null) {
      throw new IllegalStateException("No signing key is loaded");
    }
    return signer;
  }

  public boolean hasActiveKey() {
    return snapshot.signer() != null;
  }

  /** The public JWK Set, serialized once per load. */
  public String jwksJson() {
    return snapshot.jwksJson();
  }

  private static JWSVerifier verifierFor(JWK key) {
    try {
      if (key instanceof RSAKey rsa) {
        return new RSASSAVerifier(rsa.toRSAPublicKey());
      }
    } catch (JOSEException e) {
      throw new IllegalArgumentException("Unusable public key " + key.getKeyID(), e);
    }
    throw new IllegalArgumentException(
        "Unsupported key type " + key.getKeyType() + " for " + key.getKeyID());
  }

  private static JWSSigner signerFor(JWK key) {
    try {
      if (key instanceof RSAKey rsa) {
        return new RSASSASigner(rsa);
      }
    } catch (JOSEException e) {
      throw new IllegalArgumentException("Unusable private key " + key.getKeyID(), e);
    }
    throw new IllegalArgumentException(
        "Unsupported key type " + key.getKeyType() + " for " + key.getKeyID());
  }
}
