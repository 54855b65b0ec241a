package dev.jwtauth.health;

import dev.jwtauth.config.OperationsSettings;
import dev.jwtauth.db.PoolSettings;
import dev.jwtauth.keys.KeyRing;
import dev.jwtauth.keys.KeyState;
import dev.jwtauth.keys.SigningKey;
import dev.jwtauth.metrics.AuthMetrics;
import dev.jwtauth.metrics.MetricsAccess;
import dev.jwtauth.metrics.TransactionsInFlight;
import dev.jwtauth.revocation.RevocationService;
import dev.jwtauth.sync.SharedStateSync;
import dev.jwtauth.verify.RevocationList;
import dev.jwtauth.verify.VerifiedTokenCache;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The Prometheus text of {@code /metrics}: the counters of {@link AuthMetrics} and gauges read from
 * the services' state when scraped (token cache, revocation lists, sync lag, active key, pool use),
 * plus the JVM's memory, threads, CPU and uptime.
 */
@ApplicationScoped
public class MetricsScrape {

  @Inject AuthMetrics metrics;
  @Inject VerifiedTokenCache tokenCache;
  @Inject RevocationService revocations;
  @Inject SharedStateSync sync;
  @Inject KeyRing keys;
  @Inject PoolSettings pool;
  @Inject Clock clock;

  private MultiGauge activeKey;

  @Produces
  @Singleton
  MetricsAccess access(OperationsSettings settings) {
    return new MetricsAccess(settings.metricsAllowedAddresses());
  }

  /** The whole registry in the Prometheus text format (0.0.4). */
  public synchronized String scrape() {
    PrometheusMeterRegistry registry = metrics.registry();
    if (activeKey == null) {
      register(registry);
    }
    activeKey.register(
        keys.states().stream()
            .filter(key -> key.status() == SigningKey.Status.ACTIVE)
            .map(
                key ->
                    MultiGauge.Row.of(
                        Tags.of("kid", key.kid(), "alg", key.algorithm()), () -> ageSeconds(key)))
            .toList(),
        true);
    return registry.scrape();
  }

  private void register(PrometheusMeterRegistry registry) {
    FunctionCounter.builder("auth.token.cache.hits", tokenCache, c -> c.stats().hits())
        .description("Bearer checks answered from the verified-token cache")
        .register(registry);
    FunctionCounter.builder("auth.token.cache.misses", tokenCache, c -> c.stats().misses())
        .description("Bearer checks that needed a full verification")
        .register(registry);
    Gauge.builder("auth.token.cache.entries", tokenCache, c -> c.stats().size())
        .description("Verified tokens held in the cache")
        .register(registry);
    for (RevocationList.Kind kind : RevocationList.Kind.values()) {
      Gauge.builder("auth.revocation.list.entries", revocations, r -> r.entriesInMemory(kind))
          .description("Revocation entries held in this node's memory, by kind")
          .tag("kind", AuthMetrics.label(kind))
          .register(registry);
    }
    Gauge.builder("auth.sync.seconds.since.success", sync, s -> secondsSince(s.lastSuccess()))
        .description("Seconds since this node last caught up with the shared state")
        .register(registry);
    Gauge.builder("auth.db.transactions.active", TransactionsInFlight::count)
        .description("Transactions in progress on this node (each holds at most one connection)")
        .register(registry);
    Gauge.builder("auth.db.pool.max.size", pool, p -> Integer.parseInt(p.maxSize()))
        .description("The connection pool's largest size (auth.db.pool.max-size)")
        .register(registry);
    activeKey =
        MultiGauge.builder("auth.signing.key.active.age.seconds")
            .description("Age of the key that signs new tokens, labelled with its kid and alg")
            .register(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  private double ageSeconds(KeyState key) {
    Instant since = key.activatedAt() != null ? key.activatedAt() : key.createdAt();
    return Duration.between(since, clock.instant()).toMillis() / 1000.0;
  }

  private double secondsSince(Instant instant) {
    return instant == null
        ? Double.NaN
        : Duration.between(instant, clock.instant()).toMillis() / 1000.0;
  }
}
