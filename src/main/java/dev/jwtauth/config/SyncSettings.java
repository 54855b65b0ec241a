package dev.jwtauth.config;

import java.time.Duration;

/**
 * How stale a node's shared state may get before it reports not ready.
 *
 * @param maxLag the longest time since the last poll that caught up (auth.readiness.max-sync-lag)
 */
public record SyncSettings(Duration maxLag) {

  public SyncSettings {
    if (maxLag.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("auth.readiness.max-sync-lag must be at least 1s");
    }
  }
}
