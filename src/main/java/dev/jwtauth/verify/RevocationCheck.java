package dev.jwtauth.verify;

/**
 * The revocation rule of the bearer check (docs/security.md): is this otherwise valid token
 * revoked? Implementations answer from memory. The service has exactly one (the revocation lists);
 * tests without revocations pass their own lambda.
 */
@FunctionalInterface
public interface RevocationCheck {

  boolean isRevoked(VerifiedToken token);
}
