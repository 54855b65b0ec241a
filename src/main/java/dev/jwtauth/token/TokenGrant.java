package dev.jwtauth.token;

/**
 * What a successful login or refresh hands out.
 *
 * @param access the signed access token
 * @param refreshToken the opaque refresh token value (never stored, never logged)
 * @param refreshExpiresInSeconds how long the refresh token stays usable if unused
 * @param sessionId the session (refresh-token family) both belong to
 */
public record TokenGrant(
    IssuedAccessToken access,
    String refreshToken,
    long refreshExpiresInSeconds,
    String sessionId) {}
