package dev.jwtauth.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
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

  private volatile SecretKeySpec secret;

  /**
   * Called by {@code ServerSecrets} with the shared secret, at start-up and whenever it is read.
   */
  public void load(byte[] sharedSecret) {
    secret = new SecretKeySpec(sharedSecret, "HmacSHA256");
  }

  public boolean loaded() {
    return secret != null;
  }

  /** The key of this purpose. */
  public byte[] derive(String purpose) {
    SecretKeySpec current = secret;
    if (current == null) {
      throw new IllegalStateException("The server secret is not loaded");
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(current);
      return mac.doFinal(("derive:" + purpose).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
