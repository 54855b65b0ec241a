package dev.jwtauth.token;

/**
 * What a successful grant hands out, whichever door it came through (the login API or the OAuth
 * token endpoint); {@code api/TokenResponses} writes it.
 *
 * @param access the signed access token
 * @param refreshToken the opaque refresh token value (never stored, never logged), or null
 *     (client_credentials, token exchange)
 * @param refreshExpiresInSeconds how long the refresh token stays usable if unused
 * @param sessionId the session (refresh-token family) both belong to, or null
 * @param issuedTokenType RFC 8693 {@code issued_token_type} of a token exchange, or null
 * @param idToken the OpenID Connect ID token (a session whose grant included {@code openid}), or
 *     null
 */
public record TokenGrant(
    IssuedAccessToken access,
    String refreshToken,
    long refreshExpiresInSeconds,
    String sessionId,
    String issuedTokenType,
    String idToken) {

  /** The same grant with an ID token. */
  public TokenGrant withIdToken(String token) {
    return new TokenGrant(
        access, refreshToken, refreshExpiresInSeconds, sessionId, issuedTokenType, token);
  }

  /** An access token and a refresh token of a session. */
  public static TokenGrant withRefresh(
      IssuedAccessToken access,
      String refreshToken,
      long refreshExpiresInSeconds,
      String sessionId) {
    return new TokenGrant(access, refreshToken, refreshExpiresInSeconds, sessionId, null, null);
  }

  /** An access token alone (client_credentials; a token exchange names its type). */
  public static TokenGrant accessOnly(IssuedAccessToken access, String issuedTokenType) {
    return new TokenGrant(access, null, 0, null, issuedTokenType, null);
  }
}
