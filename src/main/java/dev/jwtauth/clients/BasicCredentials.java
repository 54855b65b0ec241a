package dev.jwtauth.clients;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * {@code client_secret_basic} (RFC 6749 §2.3.1): {@code Basic
 * base64(urlencode(id):urlencode(secret))}.
 *
 * @param id the client id
 * @param secret the client secret
 */
public record BasicCredentials(String id, String secret) {

  /** Whether the header uses the Basic scheme (case-insensitive), well-formed or not. */
  public static boolean isBasic(String authorization) {
    return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
  }

  /** The credentials, or empty when the header is not well-formed Basic credentials. */
  public static Optional<BasicCredentials> parse(String authorization) {
    if (!isBasic(authorization)) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).trim()),
              StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    // The id and secret are form-urlencoded inside the Basic credentials.
    return Optional.of(
        new BasicCredentials(
            urlDecode(decoded.substring(0, colon)), urlDecode(decoded.substring(colon + 1))));
  }

  private static String urlDecode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return "";
    }
  }
}
