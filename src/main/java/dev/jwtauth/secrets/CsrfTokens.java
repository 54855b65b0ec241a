package dev.jwtauth.secrets;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * CSRF tokens of the cookie mode, bound to the session (docs/security.md): HMAC-SHA256 of the
 * session id under a secret every node shares ({@code server_secrets}, kept and encrypted with the
 * signing keys). A cookie/header pair an attacker picks, or the token of another session, never
 * matches.
 */
@ApplicationScoped
public class CsrfTokens {

  static final String SECRET_NAME = "csrf";
  private static final String CONTEXT = "csrf-token:";

  private volatile SecretKeySpec key;

  /** Called by {@link ServerSecrets} with the shared secret. */
  void load(byte[] secret) {
    key = new SecretKeySpec(secret, "HmacSHA256");
  }

  /** The CSRF token of this session. */
  public String forSession(String sessionId) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(sessionId));
  }

  /** Whether the presented value is this session's CSRF token (compared in constant time). */
  public boolean matches(String sessionId, String presented) {
    return presented != null
        && !presented.isEmpty()
        && MessageDigest.isEqual(
            forSession(sessionId).getBytes(StandardCharsets.US_ASCII),
            presented.getBytes(StandardCharsets.UTF_8));
  }

  private byte[] mac(String sessionId) {
    SecretKeySpec current = key;
    if (current == null) {
      throw new IllegalStateException("The CSRF secret is not loaded");
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(current);
      return mac.doFinal((CONTEXT + sessionId).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
