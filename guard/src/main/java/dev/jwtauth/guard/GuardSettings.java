package dev.jwtauth.guard;

import java.time.Duration;

/**
 * What the guard checks a bearer token against.
 *
 * @param issuer the only {@code iss} accepted
 * @param audience the {@code aud} a token must contain
 * @param accessTokenType the JOSE {@code typ} header required ({@code JWT} or {@code at+jwt})
 * @param clockSkew tolerance when checking {@code exp}, {@code nbf} and {@code iat}
 * @param realm the realm named in {@code WWW-Authenticate}
 * @param tokenCacheMaxMib about how much heap the verified-token cache may take, in MiB; 0 turns it
 *     off
 */
public record GuardSettings(
    String issuer,
    String audience,
    String accessTokenType,
    Duration clockSkew,
    String realm,
    int tokenCacheMaxMib) {

  /** Tokens longer than this are refused before any parsing (the first verification rule). */
  public static final int MAX_TOKEN_LENGTH = 8 * 1024;

  public GuardSettings {
    if (issuer == null || issuer.isBlank()) {
      throw new IllegalArgumentException("auth.issuer must be set");
    }
    if (audience == null || audience.isBlank()) {
      throw new IllegalArgumentException("auth.audience must name at least one audience");
    }
    if (!"JWT".equals(accessTokenType) && !"at+jwt".equals(accessTokenType)) {
      throw new IllegalArgumentException("auth.access-token.typ must be JWT or at+jwt");
    }
    if (clockSkew.isNegative()) {
      throw new IllegalArgumentException("auth.clock-skew must not be negative");
    }
    if (tokenCacheMaxMib < 0) {
      throw new IllegalArgumentException("auth.token-cache.max-mib must not be negative");
    }
  }

  /** The cache's budget in bytes. */
  public long tokenCacheMaxBytes() {
    return tokenCacheMaxMib * 1024L * 1024L;
  }
}
