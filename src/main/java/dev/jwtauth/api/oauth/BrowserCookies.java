package dev.jwtauth.api.oauth;

import java.time.Duration;

/**
 * The {@code Set-Cookie} values of the browser pages: {@code __Host-} cookies (Secure, Path=/, no
 * Domain), HttpOnly. A page's CSRF token lives an hour and goes only with same-site requests.
 */
final class BrowserCookies {

  private static final Duration CSRF_LIFETIME = Duration.ofHours(1);

  private BrowserCookies() {}

  static String set(String name, String value, String sameSite, Duration maxAge) {
    return name
        + "="
        + value
        + "; Path=/; Secure; HttpOnly; SameSite="
        + sameSite
        + "; Max-Age="
        + maxAge.toSeconds();
  }

  static String cleared(String name, String sameSite) {
    return set(name, "", sameSite, Duration.ZERO);
  }

  static String csrf(String name, String token) {
    return set(name, token, "Strict", CSRF_LIFETIME);
  }

  static String csrfCleared(String name) {
    return cleared(name, "Strict");
  }
}
