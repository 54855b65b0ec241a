package dev.jwtauth.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keys derived from the server secret every node shares ({@code server_secrets}, encrypted at rest
 * with the signing keys), one per purpose, so that no two uses ever share a key: HMAC-SHA256 of the
 * purpose under the secret.
 */
@ApplicationScoped
public class ServerSecretKeys {

  /** Tags of refresh token values ({@code RefreshTokenTags}). */
  public static final String REFRESH_TOKEN_TAGS = "refresh-token-tags";

  /** Hashes of client secrets chosen by an operator ({@code ClientSecrets}). */
  public static final String CLIENT_SECRETS = "client-secrets";

  /** The secret and the keys derived from it so far (each derived once, not per call). */
  private record Loaded(SecretKeySpec secret, Map<String, byte[]> derived) {}

  private volatile Loaded loaded;

  /**
   * Called by {@code ServerSecrets} with the shared secret, at start-up and whenever it is read.
   */
  public void load(byte[] sharedSecret) {
    loaded = new Loaded(new SecretKeySpec(sharedSecret, "HmacSHA256"), new ConcurrentHashMap<>());
  }

  public boolean loaded() {
    return loaded != null;
  }

  /** The key of this purpose (callers must not change the array). */
  public byte[] derive(String purpose) {
    Loaded current = loaded;
    if (current == null) {
      throw new IllegalStateException("The server secret is not loaded");
    }
    return current.derived().computeIfAbsent(purpose, p -> derive(current.secret(), p));
  }

  private static byte[] derive(SecretKeySpec current, String purpose) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(current);
      return mac.doFinal(("derive:" + purpose).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
