package dev.jwtauth.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Private key material at rest: AES-256-GCM under a key derived from {@code
 * auth.keys.encryption-secret} with PBKDF2-HMAC-SHA256 and a random salt per stored key; the {@code
 * kid} is authenticated data, so a ciphertext cannot be moved to another key's row. Stored form:
 * {@code aesgcm:v1:<salt>:<iv>:<ciphertext>} (base64url). Without a secret (embedded mode) keys are
 * stored as plain JWK.
 */
public final class KeyEncryption {

  static final String PREFIX = "aesgcm:v1:";
  private static final int KDF_ITERATIONS = 210_000;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  /** The stored keys cannot be read with the configured secret (or without one). */
  public static final class UnreadableKeyException extends IllegalStateException {
    UnreadableKeyException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final char[] secret;

  /**
   * @param secret the encryption secret, or null to store keys unencrypted (embedded mode only)
   */
  public KeyEncryption(String secret) {
    this.secret = secret == null ? null : secret.toCharArray();
  }

  public boolean encrypts() {
    return secret != null;
  }

  public String protect(String kid, String privateJwk) {
    if (secret == null) {
      return privateJwk;
    }
    try {
      byte[] salt = random(16);
      byte[] iv = random(12);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, derive(salt), new GCMParameterSpec(128, iv));
      cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(privateJwk.getBytes(StandardCharsets.UTF_8));
      return PREFIX
          + ENCODER.encodeToString(salt)
          + ":"
          + ENCODER.encodeToString(iv)
          + ":"
          + ENCODER.encodeToString(sealed);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot encrypt the signing key " + kid, e);
    }
  }

  /** Whether a stored value is in the encrypted form. */
  public static boolean isEncrypted(String stored) {
    return stored.startsWith(PREFIX);
  }

  public String reveal(String kid, String stored) {
    if (!isEncrypted(stored)) {
      if (secret != null) {
        // KeyLifecycle encrypts plaintext rows at start; one still here was written by a node
        // without
        // the secret.
        throw new UnreadableKeyException(
            "The signing key "
                + kid
                + " is stored unencrypted although "
                + "auth.keys.encryption-secret (AUTH_KEYS_ENCRYPTION_SECRET) is set",
            null);
      }
      return stored; // embedded mode without a secret
    }
    if (secret == null) {
      throw new UnreadableKeyException(
          "The signing key "
              + kid
              + " is stored encrypted, but "
              + "auth.keys.encryption-secret (AUTH_KEYS_ENCRYPTION_SECRET) is not set",
          null);
    }
    String[] parts = stored.substring(PREFIX.length()).split(":");
    try {
      if (parts.length != 3) {
        throw new GeneralSecurityException("malformed");
      }
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          derive(DECODER.decode(parts[0])),
          new GCMParameterSpec(128, DECODER.decode(parts[1])));
      cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
      return new String(cipher.doFinal(DECODER.decode(parts[2])), StandardCharsets.UTF_8);
    } catch (AEADBadTagException e) {
      throw new UnreadableKeyException(
          "auth.keys.encryption-secret (AUTH_KEYS_ENCRYPTION_SECRET) does not "
              + "decrypt the stored signing key "
              + kid
              + ": is it the secret the keys were created with?",
          e);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new UnreadableKeyException("The stored signing key " + kid + " is damaged", e);
    }
  }

  private SecretKey derive(byte[] salt) throws GeneralSecurityException {
    KeySpec spec = new PBEKeySpec(secret, salt, KDF_ITERATIONS, 256);
    byte[] key =
        SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    return new SecretKeySpec(key, "AES");
  }

  private static byte[] random(int length) {
    byte[] bytes = new byte[length];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
