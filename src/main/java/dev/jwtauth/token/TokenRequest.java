package dev.jwtauth.token;

import java.util.Set;

/**
 * What an access token is issued for.
 *
 * @param subject   the stable id of the user (or client) — the {@code sub}
 * @param username  the {@code upn} / {@code preferred_username}
 * @param groups    roles, as the MP-JWT {@code groups} claim
 * @param scopes    granted scopes
 * @param clientId  the OAuth client the token is issued to
 * @param sessionId the refresh-token family, or null
 */
public record TokenRequest(
    String subject, String username, Set<String> groups, Set<String> scopes, String clientId, String sessionId) {

  public TokenRequest {
    groups = Set.copyOf(groups);
    scopes = Set.copyOf(scopes);
  }
}
