package dev.jwtauth.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.impl.BaseJWSProvider;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Set;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * EdDSA (Ed25519, RFC 8037) keys, signatures and verification through the JDK's own EdDSA (JEP
 * 339). Why not Nimbus's {@code Ed25519Signer}: it needs Google Tink and its protobuf runtime —
 * several megabytes in the WAR for what the JDK does; these classes only adapt the JDK's {@link
 * Signature} to Nimbus's signer and verifier interfaces.
 */
final class Ed25519Keys {

  static final int KEY_BYTES = 32;
  static final int SIGNATURE_BYTES = 64;

  /** RFC 8410: the SubjectPublicKeyInfo of an Ed25519 key is this prefix and the 32 key bytes. */
  private static final byte[] SPKI_PREFIX = {
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
  };

  private Ed25519Keys() {}

  /** A new signing key, its kid the RFC 7638 thumbprint. */
  static OctetKeyPair generate() {
    try {
      KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      byte[] seed = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow();
      return jwk(seed);
    } catch (GeneralSecurityException | JOSEException e) {
      throw new IllegalStateException("Cannot generate an Ed25519 signing key", e);
    }
  }

  /** The signing JWK of a 32-byte private key (the seed), its public half computed. */
  static OctetKeyPair jwk(byte[] seed) throws JOSEException {
    byte[] publicKey = new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
    return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(publicKey))
        .d(Base64URL.encode(seed))
        .keyUse(KeyUse.SIGNATURE)
        .algorithm(JWSAlgorithm.EdDSA)
        .keyIDFromThumbprint()
        .build();
  }

  static PrivateKey privateKey(OctetKeyPair key) throws GeneralSecurityException {
    return KeyFactory.getInstance("Ed25519")
        .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, key.getDecodedD()));
  }

  static PublicKey publicKey(OctetKeyPair key) throws GeneralSecurityException {
    byte[] x = key.getDecodedX();
    if (x.length != KEY_BYTES) {
      throw new GeneralSecurityException("An Ed25519 public key has 32 bytes");
    }
    byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + KEY_BYTES);
    System.arraycopy(x, 0, spki, SPKI_PREFIX.length, KEY_BYTES);
    return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
  }

  /** Signs with alg EdDSA. */
  static final class Signer extends BaseJWSProvider implements JWSSigner {

    private final PrivateKey key;

    Signer(OctetKeyPair key) throws JOSEException {
      super(Set.of(JWSAlgorithm.EdDSA));
      if (!Curve.Ed25519.equals(key.getCurve()) || !key.isPrivate()) {
        throw new JOSEException("An Ed25519 private key is needed");
      }
      try {
        this.key = privateKey(key);
      } catch (GeneralSecurityException e) {
        throw new JOSEException("Unusable Ed25519 private key", e);
      }
    }

    @Override
    public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
      if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm())) {
        throw new JOSEException("An Ed25519 key signs with EdDSA only");
      }
      try {
        Signature signature = Signature.getInstance("Ed25519");
        signature.initSign(key);
        signature.update(signingInput);
        return Base64URL.encode(signature.sign());
      } catch (GeneralSecurityException e) {
        throw new JOSEException("Ed25519 signing failed", e);
      }
    }
  }

  /** Verifies alg EdDSA; anything but a 64-byte signature is simply not valid. */
  static final class Verifier extends BaseJWSProvider implements JWSVerifier {

    private final PublicKey key;

    Verifier(OctetKeyPair key) throws JOSEException {
      super(Set.of(JWSAlgorithm.EdDSA));
      if (!Curve.Ed25519.equals(key.getCurve())) {
        throw new JOSEException("An Ed25519 public key is needed");
      }
      try {
        this.key = publicKey(key);
      } catch (GeneralSecurityException e) {
        throw new JOSEException("Unusable Ed25519 public key", e);
      }
    }

    @Override
    public boolean verify(JWSHeader header, byte[] signedContent, Base64URL signature)
        throws JOSEException {
      if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm())) {
        return false;
      }
      byte[] bytes = signature.decode();
      if (bytes.length != SIGNATURE_BYTES) {
        return false;
      }
      try {
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(signedContent);
        return verifier.verify(bytes);
      } catch (GeneralSecurityException e) {
        return false; // e.g. a signature whose R is not a point: not valid
      }
    }
  }
}
