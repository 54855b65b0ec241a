package dev.jwtauth.verify;

import dev.jwtauth.guard.GuardSettings;
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
  VerifiedTokenCache cache(GuardSettings settings, Clock clock) {
    return VerifiedTokenCache.ofMaxBytes(settings.tokenCacheMaxBytes(), clock);
  }

  @Produces
  @Singleton
  TokenVerifier verifier(
      GuardSettings settings,
      VerificationKeys keys,
      RevocationCheck revocation,
      Clock clock,
      VerifiedTokenCache cache,
      TrustedIssuers trusted) {
    return new TokenVerifier(settings, keys, revocation, clock, cache, trusted.all());
  }
}
