package dev.jwtauth.guard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

/**
 * Reads the guard's settings from MicroProfile Config, once: the same keys the service documents
 * ({@code auth.issuer}, the first of {@code auth.audience}, {@code auth.access-token.typ}, {@code
 * auth.clock-skew}, {@code auth.realm}, {@code auth.token-cache.max-mib}).
 */
@ApplicationScoped
public class GuardSettingsProducer {

  @Inject Config config;

  @Produces
  @Singleton
  GuardSettings guardSettings() {
    String audiences = text("auth.audience").trim();
    return new GuardSettings(
        text("auth.issuer").trim(),
        audiences.split("[\\s,]+")[0],
        text("auth.access-token.typ").trim(),
        Durations.parse("auth.clock-skew", text("auth.clock-skew")),
        text("auth.realm").trim(),
        config.getValue("auth.token-cache.max-mib", Integer.class));
  }

  private String text(String name) {
    return config.getValue(name, String.class);
  }
}
