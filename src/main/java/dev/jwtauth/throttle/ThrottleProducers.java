package dev.jwtauth.throttle;

import dev.jwtauth.config.ThrottleSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The trusted proxies, parsed once from the settings. */
@ApplicationScoped
public class ThrottleProducers {

  @Produces
  @Singleton
  TrustedProxies trustedProxies(ThrottleSettings settings) {
    return new TrustedProxies(settings.trustedProxies());
  }
}
