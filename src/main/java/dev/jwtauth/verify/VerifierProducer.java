package dev.jwtauth.verify;

import dev.jwtauth.config.AuthSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Builds the one {@link TokenVerifier} from the settings, the in-memory keys and the revocation check. */
@ApplicationScoped
public class VerifierProducer {

  @Produces
  @Singleton
  TokenVerifier verifier(AuthSettings settings, VerificationKeys keys, Instance<RevocationCheck> revocation, Clock clock) {
    RevocationCheck check = revocation.isResolvable() ? revocation.get() : RevocationCheck.NONE;
    return new TokenVerifier(settings, keys, check, clock);
  }
}
