package dev.jwtauth.verify;

/**
 * The revocation rule of the bearer check (docs/security.md): is this otherwise valid token
 * revoked? Implementations answer from memory. The service has exactly one (the revocation lists);
 * tests without revocations pass their own lambda.
 */
@FunctionalInterface
public interface RevocationCheck {

  boolean isRevoked(VerifiedToken token);

  /**
   * Whether this check knows the revocations well enough to answer at all: a guard following the
   * service's feed with fail-closed set says no once it has lost the feed for too long, and every
   * token is then refused ({@link Reason#REVOCATION_STATE_UNAVAILABLE}). The service's own lists
   * always can.
   */
  default boolean available() {
    return true;
  }
}
