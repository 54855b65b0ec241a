package dev.jwtauth.verify;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An access token that passed every verification rule.
 *
 * @param rawToken the compact serialization, kept for {@code JsonWebToken.getRawToken()}; never log
 *     it
 * @param claims the claims as JSON values (String, Number, Boolean, List, Map)
 */
public record VerifiedToken(String rawToken, Map<String, Object> claims) {

  public VerifiedToken {
    claims = Collections.unmodifiableMap(claims);
  }

  public String issuer() {
    return claims.get("iss") instanceof String iss ? iss : null;
  }

  public String subject() {
    return (String) claims.get("sub");
  }

  public String jti() {
    return (String) claims.get("jti");
  }

  public String username() {
    Object upn = claims.get("upn");
    return upn instanceof String s ? s : subject();
  }

  public Optional<String> sessionId() {
    return Optional.ofNullable(claims.get("sid")).map(String.class::cast);
  }

  /** {@code act.sub}: who acts through this token (impersonation, delegation), if anyone. */
  public Optional<String> actorSubject() {
    return actorMember("sub");
  }

  /** {@code act.sid}: the actor's session; the token is revoked with it. */
  public Optional<String> actorSessionId() {
    return actorMember("sid");
  }

  private Optional<String> actorMember(String name) {
    return claims.get("act") instanceof Map<?, ?> act && act.get(name) instanceof String value
        ? Optional.of(value)
        : Optional.empty();
  }

  public Instant issuedAt() {
    return epochSeconds("iat");
  }

  public Instant expiresAt() {
    return epochSeconds("exp");
  }

  /** The {@code permissions} claim: what the user may do (empty without one). */
  public Set<String> permissions() {
    return stringSet("permissions");
  }

  public Set<String> groups() {
    return stringSet("groups");
  }

  public Set<String> audience() {
    return stringSet("aud");
  }

  public Set<String> scopes() {
    return Scopes.parse(claims.get("scope") instanceof String s ? s : null).values();
  }

  private Instant epochSeconds(String name) {
    Object value = claims.get(name);
    return value instanceof Number n ? Instant.ofEpochSecond(n.longValue()) : null;
  }

  private Set<String> stringSet(String name) {
    Object value = claims.get(name);
    if (value instanceof String s) {
      return Set.of(s);
    }
    if (value instanceof List<?> list) {
      Set<String> result = new LinkedHashSet<>();
      for (Object item : list) {
        if (item instanceof String s) {
          result.add(s);
        }
      }
      return Collections.unmodifiableSet(result);
    }
    return Set.of();
  }
}
