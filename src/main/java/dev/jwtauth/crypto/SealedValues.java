package dev.jwtauth.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One opaque value stored so that only the holder of another opaque value can read it: AES-256-GCM
 * under HMAC-SHA256(opener, context), with {@code boundTo} as authenticated data. A refresh token
 * keeps its successor this way, so a retry presenting the old token can be answered with the same
 * successor while the database alone (which holds only hashes) reveals neither. No slow KDF: the
 * opener is 256 random bits, not a password.
 */
public final class SealedValues {

  private static final byte[] CONTEXT =
      "jwtauth sealed value v1".getBytes(StandardCharsets.US_ASCII);
  private static final int NONCE_BYTES = 12;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private SealedValues() {}

  /** {@code value} sealed under {@code opener}: base64url of nonce, ciphertext and tag. */
  public static String seal(String opener, String boundTo, String value) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, opener, boundTo, nonce);
      byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
      byte[] stored = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
      System.arraycopy(sealed, 0, stored, NONCE_BYTES, sealed.length);
      return BASE64URL.encodeToString(stored);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is missing from this JVM", e);
    }
  }

  /**
   * The sealed value, or empty if {@code opener} or {@code boundTo} is not the one it was sealed
   * with.
   */
  public static Optional<String> open(String opener, String boundTo, String sealed) {
    try {
      byte[] stored = DECODER.decode(sealed);
      if (stored.length <= NONCE_BYTES) {
        return Optional.empty();
      }
      Cipher cipher =
          cipher(Cipher.DECRYPT_MODE, opener, boundTo, Arrays.copyOf(stored, NONCE_BYTES));
      byte[] value = cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
      return Optional.of(new String(value, StandardCharsets.UTF_8));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return Optional.empty(); // a wrong opener fails the tag; a damaged value does not decode
    }
  }

  private static Cipher cipher(int mode, String opener, String boundTo, byte[] nonce)
      throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(opener.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] key = mac.doFinal(CONTEXT);
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
    cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
    return cipher;
  }
}
