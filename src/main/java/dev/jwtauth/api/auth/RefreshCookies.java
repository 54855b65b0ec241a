package dev.jwtauth.api.auth;

import jakarta.ws.rs.core.NewCookie;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Cookie mode of the login API (docs/api.md): the refresh token in an HttpOnly {@code __Host-}
 * cookie, and a readable CSRF token that the client echoes in {@code X-CSRF-Token} (double submit).
 */
final class RefreshCookies {

  static final String REFRESH = "__Host-refresh_token";
  static final String CSRF = "csrf_token";
  static final String CSRF_HEADER = "X-CSRF-Token";

  private RefreshCookies() {}

  static NewCookie refresh(String value, long maxAgeSeconds) {
    return cookie(REFRESH, value, maxAgeSeconds, true);
  }

  static NewCookie csrf(String value, long maxAgeSeconds) {
    return cookie(CSRF, value, maxAgeSeconds, false);
  }

  static NewCookie[] cleared() {
    return new NewCookie[] {cookie(REFRESH, "", 0, true), cookie(CSRF, "", 0, false)};
  }

  /** The double-submit check: the header must equal the cookie, compared in constant time. */
  static boolean csrfMatches(String cookie, String header) {
    return cookie != null
        && !cookie.isEmpty()
        && header != null
        && MessageDigest.isEqual(
            cookie.getBytes(StandardCharsets.UTF_8), header.getBytes(StandardCharsets.UTF_8));
  }

  private static NewCookie cookie(String name, String value, long maxAgeSeconds, boolean httpOnly) {
    return new NewCookie.Builder(name)
        .value(value)
        .path("/")
        .secure(true)
        .httpOnly(httpOnly)
        .sameSite(NewCookie.SameSite.STRICT)
        .maxAge((int) Math.min(Integer.MAX_VALUE, maxAgeSeconds))
        .build();
  }
}
