package dev.jwtauth.verify;

/**
 * Rule 6 of PRODUCT.md §5: is this otherwise valid token revoked? Implementations answer from
 * memory. The service has exactly one (the revocation lists); tests without revocations pass their
 * own lambda.
 */
@FunctionalInterface
public interface RevocationCheck {

  boolean isRevoked(VerifiedToken token);
}
