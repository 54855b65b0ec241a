package dev.jwtauth.token;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an access token is issued for.
 *
 * @param subject the stable id of the user (or client) — the {@code sub}
 * @param username the {@code upn} / {@code preferred_username}
 * @param groups roles, as the MP-JWT {@code groups} claim (omitted when empty)
 * @param scopes granted scopes
 * @param clientId the OAuth client the token is issued to
 * @param sessionId the refresh-token family, or null
 * @param audiences the {@code aud}, or null for the configured audiences
 * @param lifetime how long the token lives, or null for the configured lifetime
 * @param actor the {@code act.sub} of an impersonation or delegated token, or null
 * @param actorSessionId the {@code act.sid}: the actor's session, which the token dies with; or
 *     null
 * @param userClaims further claims about the user ({@link UserClaims}: profile, permissions,
 *     compatibility claims); a fixed claim's name among them is ignored
 */
public record TokenRequest(
    String subject,
    String username,
    Set<String> groups,
    Set<String> scopes,
    String clientId,
    String sessionId,
    List<String> audiences,
    Duration lifetime,
    String actor,
    String actorSessionId,
    Map<String, Object> userClaims) {

  public TokenRequest {
    groups = Set.copyOf(groups);
    userClaims = userClaims == null ? Map.of() : Map.copyOf(userClaims);
    scopes = Set.copyOf(scopes);
    audiences = audiences == null ? null : List.copyOf(audiences);
    if (lifetime != null && (lifetime.isNegative() || lifetime.isZero())) {
      throw new IllegalArgumentException("An access token needs a positive lifetime");
    }
  }

  /** A token with the configured audiences and lifetime, acting for nobody else. */
  public TokenRequest(
      String subject,
      String username,
      Set<String> groups,
      Set<String> scopes,
      String clientId,
      String sessionId) {
    this(subject, username, groups, scopes, clientId, sessionId, null, null, null, null, null);
  }
}
