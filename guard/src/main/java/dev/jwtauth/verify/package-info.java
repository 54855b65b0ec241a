/**
 * Verifying bearer access tokens: {@link dev.jwtauth.verify.TokenVerifier} turns a compact JWS into
 * a {@link dev.jwtauth.verify.VerifiedToken} or refuses it with an {@link
 * dev.jwtauth.verify.InvalidTokenException} that says why. Pure logic on in-memory keys: no
 * database, no key parsing, no network.
 */
package dev.jwtauth.verify;
