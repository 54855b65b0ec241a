package dev.jwtauth.health;

import dev.jwtauth.config.SyncSettings;
import dev.jwtauth.sync.SharedStateSync;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while this node's keys, clients and revocations may be stale: the last poll of the
 * shared database that caught up is older than {@code auth.readiness.max-sync-lag} (a revocation
 * made on another node would not hold here). Reads one timestamp: cheap enough for any probe rate.
 */
@Readiness
@ApplicationScoped
public class SharedStateReadiness implements HealthCheck {

  @Inject SharedStateSync sync;
  @Inject SyncSettings settings;
  @Inject Clock clock;

  @Override
  public HealthCheckResponse call() {
    Instant last = sync.lastSuccess();
    if (last == null) {
      return HealthCheckResponse.named("shared-state").down().build();
    }
    Duration lag = Duration.between(last, clock.instant());
    return HealthCheckResponse.named("shared-state")
        .status(lag.compareTo(settings.maxLag()) <= 0)
        .withData("seconds_since_last_sync", lag.toSeconds())
        .build();
  }
}
