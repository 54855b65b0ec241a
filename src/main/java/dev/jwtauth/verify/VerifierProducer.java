package dev.jwtauth.verify;

import dev.jwtauth.config.AuthSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Builds the one {@link TokenVerifier} from the settings, the in-memory keys and the revocation
 * check. The check is injected as such: a missing or ambiguous one fails the deployment instead of
 * silently switching rule 6 off.
 */
@ApplicationScoped
public class VerifierProducer {

  @Produces
  @Singleton
  TokenVerifier verifier(
      AuthSettings settings, VerificationKeys keys, RevocationCheck revocation, Clock clock) {
    return new TokenVerifier(settings, keys, revocation, clock);
  }
}
