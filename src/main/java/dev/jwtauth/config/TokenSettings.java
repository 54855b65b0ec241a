package dev.jwtauth.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The settings of the tokens we issue, read once from MicroProfile Config by {@link
 * SettingsProducer}. (What the guard checks is {@code GuardSettings}; the store, the clients, the
 * sessions have records of their own.)
 *
 * @param issuer the {@code iss} of every token we issue and the only one we accept
 * @param audiences the {@code aud} of issued tokens; a presented token must contain the first
 * @param accessTokenTtl lifetime of an access token
 * @param clockSkew tolerance when checking {@code exp}, {@code nbf} and {@code iat}
 * @param accessTokenType the JOSE {@code typ} header of access tokens ({@code JWT} or {@code
 *     at+jwt})
 * @param roleScopes which scopes each role may hold
 * @param rolePermissions which permissions each role grants ({@code auth.role-permissions})
 */
public record TokenSettings(
    String issuer,
    List<String> audiences,
    Duration accessTokenTtl,
    Duration clockSkew,
    String accessTokenType,
    Map<String, Set<String>> roleScopes,
    Map<String, Set<String>> rolePermissions) {

  /**
   * The longest lifetime any access token can have: the default and every client's own lifetime are
   * capped here, so a revocation kept this long (plus the skew) outlives every token it covers.
   */
  public static final Duration MAX_ACCESS_TOKEN_TTL = Duration.ofDays(1);

  public TokenSettings {
    if (issuer == null || issuer.isBlank()) {
      throw new IllegalArgumentException("auth.issuer must be set");
    }
    if (audiences == null || audiences.isEmpty()) {
      throw new IllegalArgumentException("auth.audience must name at least one audience");
    }
    if (accessTokenTtl.isNegative() || accessTokenTtl.isZero()) {
      throw new IllegalArgumentException("auth.access-token.ttl must be positive");
    }
    if (accessTokenTtl.compareTo(MAX_ACCESS_TOKEN_TTL) > 0) {
      throw new IllegalArgumentException("auth.access-token.ttl must be at most 1 day");
    }
    if (clockSkew.isNegative()) {
      throw new IllegalArgumentException("auth.clock-skew must not be negative");
    }
    if (!accessTokenType.equals("JWT") && !accessTokenType.equals("at+jwt")) {
      throw new IllegalArgumentException("auth.access-token.typ must be JWT or at+jwt");
    }
    audiences = List.copyOf(audiences);
    roleScopes = Map.copyOf(roleScopes);
    rolePermissions = Map.copyOf(rolePermissions);
  }

  /** The audience a presented token must contain. */
  public String requiredAudience() {
    return audiences.get(0);
  }
}
