package dev.jwtauth.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import dev.jwtauth.guard.GuardSettings;
import dev.jwtauth.verify.VerificationKey;
import dev.jwtauth.verify.VerificationKeys;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys in memory, as one immutable snapshot swapped atomically: the request path reads it
 * without locks, database queries or key parsing. Every key the database holds verifies — the next
 * key too, since another node may start signing with it a moment before this one reloads — and is
 * published in the JWKS. The guard library fetches a JWKS by default; in the service this ring is
 * the guard's keys (a CDI alternative, selected by its priority).
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
public class KeyRing implements VerificationKeys {

  /** The published key set, serialized once per load (UTF-8 JSON), with its entity tag. */
  public record Jwks(byte[] bytes, String etag) {}

  private record Snapshot(
      Map<String, VerificationKey> verifiers,
      ActiveSigner signer,
      Jwks jwks,
      List<KeyState> states) {}

  @Inject GuardSettings guard;

  private volatile Snapshot snapshot =
      new Snapshot(Map.of(), null, jwks(new JWKSet().toString(true)), List.of());

  /**
   * Replaces the keys in memory.
   *
   * @param keys every key that may still verify tokens, with private parts
   * @param activeKid the one that signs new tokens
   * @param states where each key stands in its life
   */
  public void load(List<JWK> keys, String activeKid, List<KeyState> states) {
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
    String json = new JWKSet(keys).toString(true); // true: public members only
    snapshot = new Snapshot(Map.copyOf(verifiers), signer, jwks(json), List.copyOf(states));
  }

  /** Our own keys, for our own issuer only. */
  @Override
  public Optional<VerificationKey> find(String issuer, String kid) {
    return guard.issuer().equals(issuer)
        ? Optional.ofNullable(snapshot.verifiers().get(kid))
        : Optional.empty();
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

  /** The public JWK Set as loaded. */
  public Jwks jwks() {
    return snapshot.jwks();
  }

  /** Where each key stands, as last loaded (for the rotation schedule). */
  public List<KeyState> states() {
    return snapshot.states();
  }

  /** A strong entity tag: the SHA-256 of the exact bytes served. */
  private static Jwks jwks(String json) {
    try {
      byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return new Jwks(
          bytes, "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest) + "\"");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static JWSVerifier verifierFor(JWK key) {
    try {
      if (key instanceof RSAKey rsa) {
        return new RSASSAVerifier(rsa.toRSAPublicKey());
      }
      if (key instanceof ECKey ec) {
        return new ECDSAVerifier(ec.toECPublicKey());
      }
      if (key instanceof OctetKeyPair okp) {
        return new Ed25519Keys.Verifier(okp);
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
      if (key instanceof ECKey ec) {
        return new ECDSASigner(ec);
      }
      if (key instanceof OctetKeyPair okp) {
        return new Ed25519Keys.Signer(okp);
      }
    } catch (JOSEException e) {
      throw new IllegalArgumentException("Unusable private key " + key.getKeyID(), e);
    }
    throw new IllegalArgumentException(
        "Unsupported key type " + key.getKeyType() + " for " + key.getKeyID());
  }
}
