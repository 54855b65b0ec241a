package dev.jwtauth.config;

import java.time.Duration;

/**
 * Settings of the browser sign-in (the OpenID Connect code flow).
 *
 * @param ssoLifetime no browser session lives longer than this
 * @param ssoIdleTimeout a browser session not used for this long ends
 * @param idTokenTtl the lifetime of an ID token
 */
public record SignInSettings(Duration ssoLifetime, Duration ssoIdleTimeout, Duration idTokenTtl) {

  public SignInSettings {
    if (ssoLifetime.isNegative() || ssoLifetime.isZero()) {
      throw new IllegalArgumentException("auth.sso.lifetime must be positive");
    }
    if (ssoIdleTimeout.isNegative()
        || ssoIdleTimeout.isZero()
        || ssoIdleTimeout.compareTo(ssoLifetime) > 0) {
      throw new IllegalArgumentException(
          "auth.sso.idle-timeout must be positive and not longer than auth.sso.lifetime");
    }
    if (idTokenTtl.compareTo(Duration.ofMinutes(1)) < 0
        || idTokenTtl.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException("auth.id-token.ttl must be between 1 minute and 1 hour");
    }
  }
}
