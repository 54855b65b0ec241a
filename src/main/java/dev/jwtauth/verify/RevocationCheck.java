package dev.jwtauth.verify;

/**
 * Rule 6 of PRODUCT.md §5: is this otherwise valid token revoked? Implementations answer from memory.
 * Until the revocation lists exist, {@link #NONE} revokes nothing.
 */
@FunctionalInterface
public interface RevocationCheck {

  RevocationCheck NONE = token -> false;

  boolean isRevoked(VerifiedToken token);
}
