package dev.jwtauth.throttle;

import dev.jwtauth.config.ThrottleSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/** The trusted proxies, parsed once from the settings. */
@ApplicationScoped
public class ThrottleProducers {

  @Produces
  @Singleton
  TrustedProxies trustedProxies(ThrottleSettings settings) {
    return new TrustedProxies(settings.trustedProxies());
  }

  /** Token exchanges and revocations per user (auth.revocation.rate-limit a minute, per node). */
  @Produces
  @Singleton
  @Named("revocations")
  RateLimiter revocationRate(ThrottleSettings settings, Clock clock) {
    return new RateLimiter(settings.revocationsPerMinute(), Duration.ofMinutes(1), clock);
  }
}
