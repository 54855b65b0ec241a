package dev.jwtauth.remote;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of a guard that follows the token service's revocation feed: DOWN while it has not
 * heard from the feed for longer than {@code jwtauth.guard.revocation-feed.max-lag}, so that a load
 * balancer stops sending it requests it might answer with a revoked token accepted. Always UP in
 * the token service itself (it holds the revocations).
 */
@Readiness
@ApplicationScoped
public class GuardReadiness implements HealthCheck {

  @Inject RemoteGuard remote;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder answer = HealthCheckResponse.named("jwt-guard");
    remote
        .keys()
        .ifPresent(
            keys -> answer.withData("keys", keys.size()).withData("jwks_fetches", keys.fetches()));
    return remote
        .feed()
        .map(
            feed ->
                answer
                    .status(feed.current())
                    .withData("lag_ms", feed.lag().toMillis())
                    .withData("revocations", feed.size())
                    .build())
        .orElseGet(() -> answer.up().build());
  }
}
