package dev.jwtauth.guard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.eclipse.microprofile.config.Config;

/**
 * Reads the guard's settings from MicroProfile Config, once: {@code jwtauth.guard.issuer}, {@code
 * .audience} (the first of a list), {@code .access-token.typ} (JWT), {@code .clock-skew} (30s),
 * {@code .realm} (auth), {@code .token-cache.max-mib} (32). The token service maps them to its own
 * {@code auth.*} settings in its configuration. No defaults file: a library's properties would
 * compete with the application's at the same ordinal.
 */
@ApplicationScoped
public class GuardSettingsProducer {

  @Inject Config config;

  @Produces
  @Singleton
  GuardSettings guardSettings() {
    return new GuardSettings(
        required("jwtauth.guard.issuer"),
        required("jwtauth.guard.audience").split("[\\s,]+")[0],
        optional("jwtauth.guard.access-token.typ", "JWT"),
        Durations.parse("jwtauth.guard.clock-skew", optional("jwtauth.guard.clock-skew", "30s")),
        optional("jwtauth.guard.realm", "auth"),
        Integer.parseInt(optional("jwtauth.guard.token-cache.max-mib", "32")));
  }

  /** Time is a dependency, so that expiry and skew are tested without sleeping. */
  @Produces
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }

  private String required(String name) {
    String value = optional(name, "");
    if (value.isEmpty()) {
      throw new IllegalArgumentException(name + " must be set");
    }
    return value;
  }

  private String optional(String name, String fallback) {
    return config.getOptionalValue(name, String.class).map(String::trim).orElse(fallback);
  }
}
