package dev.jwtauth.config;

import java.time.Duration;

/**
 * How nodes follow each other's changes, and how stale a node's shared state may get before it
 * reports not ready.
 *
 * @param maxLag the longest time since the last poll that caught up (auth.readiness.max-sync-lag)
 * @param pollInterval how often the database is polled for changes (auth.sync.poll-interval); on
 *     PostgreSQL changes are pushed at once as well, and the poll is the fallback
 */
public record SyncSettings(Duration maxLag, Duration pollInterval) {

  public SyncSettings {
    if (maxLag.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("auth.readiness.max-sync-lag must be at least 1s");
    }
    if (pollInterval.compareTo(Duration.ofMillis(100)) < 0
        || pollInterval.compareTo(Duration.ofMinutes(1)) > 0) {
      throw new IllegalArgumentException("auth.sync.poll-interval must be between 100ms and 1m");
    }
    if (pollInterval.compareTo(maxLag) >= 0) {
      throw new IllegalArgumentException(
          "auth.sync.poll-interval must be shorter than auth.readiness.max-sync-lag");
    }
  }
}
