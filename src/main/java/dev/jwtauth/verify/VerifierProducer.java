package dev.jwtauth.verify;

import dev.jwtauth.config.AuthSettings;
import dev.jwtauth.config.TokenCacheSettings;
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
  VerifiedTokenCache cache(TokenCacheSettings settings, Clock clock) {
    return VerifiedTokenCache.ofMaxBytes(settings.maxBytes(), clock);
  }

  @Produces
  @Singleton
  TokenVerifier verifier(
      AuthSettings settings,
      VerificationKeys keys,
      RevocationCheck revocation,
      Clock clock,
      VerifiedTokenCache cache) {
    return new TokenVerifier(settings, keys, revocation, clock, cache);
  }
}
