package dev.jwtauth.authorize;

import dev.jwtauth.clients.Client;
import java.util.Set;

/**
 * An authorization request that passed every check of {@link AuthorizationRequests}: the client may
 * use the code flow, the redirect URI is one of its own, and the rest is well formed.
 *
 * @param scopes the scopes asked for, each one the client may have
 * @param state echoed to the client, or null
 * @param nonce echoed in the ID token, or null
 * @param codeChallenge the PKCE {@code S256} challenge, or null (a confidential client with a
 *     nonce)
 * @param prompt {@code none}, {@code login}, or null
 * @param maxAge the longest time since the user's login that is acceptable, in seconds, or null
 * @param loginHint the username to put in the login form, or null
 */
public record AuthorizationRequest(
    Client client,
    String redirectUri,
    Set<String> scopes,
    String state,
    String nonce,
    String codeChallenge,
    String prompt,
    Long maxAge,
    String loginHint) {

  public AuthorizationRequest {
    scopes = Set.copyOf(scopes);
  }

  /** Whether the client asked for an ID token. */
  public boolean openid() {
    return scopes.contains("openid");
  }
}
