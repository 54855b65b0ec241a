package dev.jwtauth.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.text.ParseException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.jce.ECNamedCurveTable;

/**
 * Reads a private key an operator imports — PEM (PKCS#8) or a JWK — into a signing JWK of ours: RSA
 * of at least 2048 bits for RS256, or P-256 for ES256, {@code use} sig, and its own kid (a JWK's
 * kid is kept, so tokens a previous issuer signed with it keep verifying; otherwise the RFC 7638
 * thumbprint).
 */
final class KeyImport {

  static final int MIN_RSA_BITS = 2048;
  private static final Pattern PKCS8 =
      Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
  private static final Pattern KID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private KeyImport() {}

  static JWK fromPem(String pem) {
    Matcher body = PKCS8.matcher(pem.strip());
    if (!body.matches()) {
      throw new InvalidKeyMaterialException(
          pem.contains("BEGIN RSA PRIVATE KEY") || pem.contains("BEGIN EC PRIVATE KEY")
              ? "pem must be PKCS#8 (BEGIN PRIVATE KEY); convert it with"
                  + " openssl pkcs8 -topk8 -nocrypt"
              : "pem must be one unencrypted PKCS#8 private key (BEGIN PRIVATE KEY)");
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(body.group(1));
    } catch (IllegalArgumentException e) {
      throw new InvalidKeyMaterialException("pem is not valid base64");
    }
    PrivateKey key = privateKey(der);
    try {
      if (key instanceof RSAPrivateCrtKey rsa) {
        RSAPublicKey publicKey =
            (RSAPublicKey)
                KeyFactory.getInstance("RSA")
                    .generatePublic(
                        new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
        return normalize(new RSAKey.Builder(publicKey).privateKey(rsa).build(), null);
      }
      if (key instanceof EdECPrivateKey ed) {
        if (!"Ed25519".equals(ed.getParams().getName())) {
          throw new InvalidKeyMaterialException("an EdDSA key must be Ed25519");
        }
        return normalize(Ed25519Keys.jwk(ed.getBytes().orElseThrow()), null);
      }
      if (key instanceof ECPrivateKey ec) {
        if (!Curve.P_256.equals(Curve.forECParameterSpec(ec.getParams()))) {
          throw new InvalidKeyMaterialException("an EC key must be on P-256 (ES256)");
        }
        return normalize(
            new ECKey.Builder(Curve.P_256, p256PublicKey(ec.getS())).privateKey(ec).build(), null);
      }
    } catch (GeneralSecurityException | JOSEException | IllegalArgumentException e) {
      throw new InvalidKeyMaterialException(
          "pem holds a key that cannot be used: " + e.getMessage());
    }
    throw new InvalidKeyMaterialException(
        "pem must hold an RSA, a P-256 EC or an Ed25519 private key");
  }

  static JWK fromJwk(String json) {
    JWK key;
    try {
      key = JWK.parse(json);
    } catch (ParseException e) {
      throw new InvalidKeyMaterialException("jwk is not a JSON Web Key: " + e.getMessage());
    }
    if (key.getKeyUse() != null && !KeyUse.SIGNATURE.equals(key.getKeyUse())) {
      throw new InvalidKeyMaterialException("jwk must be a signing key (use sig)");
    }
    return normalize(key, key.getKeyID());
  }

  private static JWK normalize(JWK key, String kid) {
    JWK normalized = shape(key, kid);
    signsAndVerifies(normalized);
    return normalized;
  }

  /** The private and public halves belong together: a signature by one verifies with the other. */
  private static void signsAndVerifies(JWK key) {
    try {
      JWSObject probe =
          new JWSObject(
              new JWSHeader(JWSAlgorithm.parse(key.getAlgorithm().getName())),
              new Payload("key import check"));
      boolean verified;
      if (key instanceof RSAKey rsa) {
        probe.sign(new RSASSASigner(rsa));
        verified = probe.verify(new RSASSAVerifier(rsa.toRSAPublicKey()));
      } else if (key instanceof OctetKeyPair okp) {
        probe.sign(new Ed25519Keys.Signer(okp));
        verified = probe.verify(new Ed25519Keys.Verifier(okp));
      } else {
        ECKey ec = (ECKey) key;
        probe.sign(new ECDSASigner(ec));
        verified = probe.verify(new ECDSAVerifier(ec.toECPublicKey()));
      }
      if (!verified) {
        throw new InvalidKeyMaterialException("the key's private and public parts do not match");
      }
    } catch (JOSEException e) {
      throw new InvalidKeyMaterialException(
          "the key cannot sign (do its private and public parts match?): " + e.getMessage());
    }
  }

  private static JWK shape(JWK key, String kid) {
    if (!key.isPrivate()) {
      throw new InvalidKeyMaterialException("the key must include its private part");
    }
    if (kid != null && !KID.matcher(kid).matches()) {
      throw new InvalidKeyMaterialException("kid must be 1 to 64 of A-Z a-z 0-9 . _ -");
    }
    try {
      if (key instanceof RSAKey rsa) {
        if (rsa.size() < MIN_RSA_BITS) {
          throw new InvalidKeyMaterialException("an RSA key must have at least 2048 bits");
        }
        requireAlgorithm(key, JWSAlgorithm.RS256);
        RSAKey.Builder builder =
            new RSAKey.Builder(rsa).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256);
        return kid == null ? builder.keyIDFromThumbprint().build() : builder.keyID(kid).build();
      }
      if (key instanceof ECKey ec) {
        if (!Curve.P_256.equals(ec.getCurve())) {
          throw new InvalidKeyMaterialException("an EC key must be on P-256 (ES256)");
        }
        requireAlgorithm(key, JWSAlgorithm.ES256);
        ECKey.Builder builder =
            new ECKey.Builder(ec).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256);
        return kid == null ? builder.keyIDFromThumbprint().build() : builder.keyID(kid).build();
      }
    } catch (JOSEException e) {
      throw new InvalidKeyMaterialException("the key cannot be used: " + e.getMessage());
    }
    if (key instanceof OctetKeyPair okp) {
      if (!Curve.Ed25519.equals(okp.getCurve())) {
        throw new InvalidKeyMaterialException("an OKP key must be Ed25519 (EdDSA)");
      }
      requireAlgorithm(key, JWSAlgorithm.EdDSA);
      OctetKeyPair.Builder builder =
          new OctetKeyPair.Builder(okp).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.EdDSA);
      try {
        return kid == null ? builder.keyIDFromThumbprint().build() : builder.keyID(kid).build();
      } catch (JOSEException e) {
        throw new InvalidKeyMaterialException("the key cannot be used: " + e.getMessage());
      }
    }
    throw new InvalidKeyMaterialException(
        "the key must be RSA (RS256), EC P-256 (ES256) or Ed25519 (EdDSA)");
  }

  private static void requireAlgorithm(JWK key, JWSAlgorithm expected) {
    if (key.getAlgorithm() != null && !expected.getName().equals(key.getAlgorithm().getName())) {
      throw new InvalidKeyMaterialException(
          "a " + key.getKeyType() + " key signs with " + expected + ", not " + key.getAlgorithm());
    }
  }

  private static PrivateKey privateKey(byte[] der) {
    for (String type : new String[] {"RSA", "EC", "Ed25519"}) {
      try {
        return KeyFactory.getInstance(type).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException notThisType) {
        // the next type
      }
    }
    throw new InvalidKeyMaterialException(
        "pem must hold an RSA, a P-256 EC or an Ed25519 private key");
  }

  /** The public point d·G of a P-256 private scalar (the JDK computes it nowhere public). */
  private static ECPublicKey p256PublicKey(BigInteger d) throws GeneralSecurityException {
    var spec = ECNamedCurveTable.getParameterSpec("P-256");
    org.bouncycastle.math.ec.ECPoint q = spec.getG().multiply(d).normalize();
    ECPoint point =
        new ECPoint(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
    return (ECPublicKey)
        KeyFactory.getInstance("EC")
            .generatePublic(new ECPublicKeySpec(point, Curve.P_256.toECParameterSpec()));
  }
}
