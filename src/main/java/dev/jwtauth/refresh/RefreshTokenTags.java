package dev.jwtauth.refresh;

import dev.jwtauth.crypto.OpaqueValues;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Refresh token values that say, to this service only, which session they belong to and until when
 * they were valid: {@code <256 random bits>.<session id, expiry, MAC>}, base64url, the MAC an
 * HMAC-SHA256 (cut to 128 bits) under a key derived from the server secret every node shares.
 *
 * <p>Why: a rotated token's row is needed only while its retry window and reuse grace last; after
 * that it is deleted, and a replay of the token is still recognised as reuse from its tag, so the
 * session is revoked as before (the way Keycloak recognises its signed refresh tokens). Only this
 * service can make a tag, so a guessed or altered value never revokes anyone's session. The random
 * part alone carries the secret; the database keeps only the SHA-256 of the whole value.
 */
public final class RefreshTokenTags {

  /** What a valid tag says. */
  public record Tag(String sessionId, Instant expiresAt) {}

  private static final int MAC_BYTES = 16;
  private static final int TAG_BYTES = 16 + 8 + MAC_BYTES;
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private RefreshTokenTags() {}

  /**
   * A new token value for this session, valid until {@code expiresAt}; an untagged one if the
   * session id is not a UUID (every session this service starts has one).
   */
  public static String issue(byte[] key, String sessionId, Instant expiresAt) {
    String random = OpaqueValues.generate();
    UUID session;
    try {
      session = UUID.fromString(sessionId);
    } catch (IllegalArgumentException e) {
      return random;
    }
    ByteBuffer tag = ByteBuffer.allocate(TAG_BYTES);
    tag.putLong(session.getMostSignificantBits()).putLong(session.getLeastSignificantBits());
    tag.putLong(expiresAt.getEpochSecond());
    tag.put(mac(key, random, tag.array(), 24));
    return random + "." + BASE64URL.encodeToString(tag.array());
  }

  /** What the value's tag says, if it is a tag this key made; empty for any other value. */
  public static Optional<Tag> read(byte[] key, String value) {
    int dot = value.indexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    byte[] tag;
    try {
      tag = Base64.getUrlDecoder().decode(value.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    // Only the one encoding we write: the decoder ignores the last character's spare bits, which
    // would let two values carry one tag.
    if (tag.length != TAG_BYTES
        || !BASE64URL.encodeToString(tag).equals(value.substring(dot + 1))) {
      return Optional.empty();
    }
    byte[] presented = new byte[MAC_BYTES];
    System.arraycopy(tag, 24, presented, 0, MAC_BYTES);
    if (!MessageDigest.isEqual(presented, mac(key, value.substring(0, dot), tag, 24))) {
      return Optional.empty();
    }
    ByteBuffer fields = ByteBuffer.wrap(tag);
    UUID session = new UUID(fields.getLong(), fields.getLong());
    return Optional.of(new Tag(session.toString(), Instant.ofEpochSecond(fields.getLong())));
  }

  private static byte[] mac(byte[] key, String random, byte[] fields, int length) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update(random.getBytes(StandardCharsets.US_ASCII));
      mac.update(fields, 0, length);
      byte[] full = mac.doFinal();
      byte[] cut = new byte[MAC_BYTES];
      System.arraycopy(full, 0, cut, 0, MAC_BYTES);
      return cut;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
