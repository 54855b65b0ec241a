/**
 * The bearer {@code HttpAuthenticationMechanism}: extracts the token, delegates to the
 * {@link dev.jwtauth.verify.TokenVerifier}, and makes the caller a MicroProfile {@code JsonWebToken}
 * whose {@code groups} are container roles. Refusals are recorded on the request for the
 * authorization filter, which answers protected endpoints per RFC 6750.
 */
package dev.jwtauth.security;
