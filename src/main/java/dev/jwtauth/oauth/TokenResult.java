package dev.jwtauth.oauth;

import dev.jwtauth.token.IssuedAccessToken;

/**
 * What the token endpoint answers.
 *
 * @param access the access token
 * @param refreshToken a new refresh token, or null (client_credentials, token exchange)
 * @param refreshExpiresIn its idle lifetime in seconds (meaningless without one)
 * @param issuedTokenType RFC 8693 {@code issued_token_type} of a token exchange, or null
 */
public record TokenResult(
    IssuedAccessToken access, String refreshToken, long refreshExpiresIn, String issuedTokenType) {}
