package dev.jwtauth.config;

import java.time.Duration;

/**
 * The revocation feed ({@code GET /oauth2/revocations}).
 *
 * @param retention how old a cursor may be and still be read on from
 *     (auth.revocation-feed.retention); an older one gets 410 and its reader loads the whole list
 */
public record RevocationFeedSettings(Duration retention) {

  public RevocationFeedSettings {
    if (retention.compareTo(Duration.ofMinutes(1)) < 0) {
      throw new IllegalArgumentException("auth.revocation-feed.retention must be at least 1m");
    }
  }
}
