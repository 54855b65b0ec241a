package dev.jwtauth.verify;

import java.util.Optional;

/** The keys a token may be signed with, looked up by {@code kid} from memory. */
@FunctionalInterface
public interface VerificationKeys {
  Optional<VerificationKey> find(String kid);
}
