package dev.jwtauth.clients;

import dev.jwtauth.crypto.OpaqueValues;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How client secrets are stored. A secret this service generates (256 random bits) is kept as its
 * SHA-256, which cannot be reversed or guessed. A secret an operator chose may be a word a person
 * can guess, so it is kept as {@code hmac-sha256:<HMAC-SHA256(key, client id, secret)>}: salted by
 * the client id (two clients with one secret store different values) and keyed with a key derived
 * from the server secret (encrypted at rest in production), so a copy of the table alone allows no
 * guessing at all — while each client authentication still costs one HMAC, not a password hash
 * (introspection is called on every request of a resource server). Stored SHA-256 values of earlier
 * releases still verify; a configured secret is rewritten at the next start.
 */
final class ClientSecrets {

  static final String KEYED = "hmac-sha256:";

  private ClientSecrets() {}

  /** The stored form of a secret an operator chose for this client. */
  static String ofChosen(byte[] key, String clientId, String secret) {
    return KEYED
        + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(key, clientId, secret));
  }

  /** The stored form of a secret this service generated. */
  static String ofGenerated(String secret) {
    return OpaqueValues.hash(secret);
  }

  /**
   * Whether the presented secret is the one stored (in constant time for values of one form). A
   * null stored value (an unknown or public client) is compared too, so that timing does not tell.
   */
  static boolean matches(byte[] key, String clientId, String presented, String stored) {
    String given = presented == null ? "" : presented;
    String expected = stored == null ? "-" : stored;
    String computed =
        expected.startsWith(KEYED) ? ofChosen(key, clientId, given) : ofGenerated(given);
    return MessageDigest.isEqual(
        computed.getBytes(StandardCharsets.US_ASCII), expected.getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] mac(byte[] key, String clientId, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal((clientId + "\n" + secret).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
