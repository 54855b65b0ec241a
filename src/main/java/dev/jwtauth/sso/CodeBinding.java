package dev.jwtauth.sso;

import java.time.Instant;

/**
 * What an authorization code is bound to: its exchange must come from the same client with the same
 * redirect URI and, when there is a challenge, its PKCE verifier.
 *
 * @param codeChallenge the PKCE {@code S256} challenge, or null
 * @param nonce for the ID token, or null
 * @param scope the granted scopes, space-separated
 * @param browserSessionId the browser session that authorized it (the ID token's {@code sid})
 * @param authTime when the user typed their password
 */
public record CodeBinding(
    String clientId,
    String redirectUri,
    String codeChallenge,
    String nonce,
    String scope,
    String browserSessionId,
    String userId,
    Instant authTime) {}
