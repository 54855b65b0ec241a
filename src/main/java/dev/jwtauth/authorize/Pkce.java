package dev.jwtauth.authorize;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/** Proof Key for Code Exchange (RFC 7636), {@code S256} only ({@code plain} is never accepted). */
public final class Pkce {

  public static final String S256 = "S256";

  /** 43 to 128 unreserved characters (RFC 7636 §4.1; a challenge has the same alphabet). */
  private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

  private Pkce() {}

  /** Whether a {@code code_challenge} or {@code code_verifier} has the form RFC 7636 gives it. */
  public static boolean wellFormed(String value) {
    return value != null && VALUE.matcher(value).matches();
  }

  /** Whether the verifier hashes to the challenge: BASE64URL(SHA-256(verifier)). */
  public static boolean matches(String verifier, String challenge) {
    if (!wellFormed(verifier) || challenge == null) {
      return false;
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      byte[] expected =
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(digest)
              .getBytes(StandardCharsets.US_ASCII);
      return MessageDigest.isEqual(expected, challenge.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
