package dev.jwtauth.verify;

import java.util.Optional;

/**
 * The keys a token may be signed with, looked up from memory by the issuer they belong to and
 * {@code kid}: a key of one issuer never verifies another's token.
 */
@FunctionalInterface
public interface VerificationKeys {
  Optional<VerificationKey> find(String issuer, String kid);
}
