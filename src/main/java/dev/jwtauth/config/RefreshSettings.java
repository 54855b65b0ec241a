package dev.jwtauth.config;

import java.time.Duration;

/**
 * Settings of refresh tokens and sessions.
 *
 * @param idleTimeout a refresh token expires this long after it was issued (sliding: each rotation
 *     renews it)
 * @param sessionLifetime no session lives longer than this, however often it is refreshed
 * @param retryWindow a token rotated less than this long ago, presented again by the same client
 *     while its successor is unused, gets that same successor again (the first answer was lost)
 * @param reuseGrace a token rotated less than this long ago may be presented again without revoking
 *     its session
 * @param purgeInterval how often expired and revoked rows are deleted
 * @param maxSessionsPerUser a user's live sessions at most: a login beyond them ends the oldest
 */
public record RefreshSettings(
    Duration idleTimeout,
    Duration sessionLifetime,
    Duration retryWindow,
    Duration reuseGrace,
    Duration purgeInterval,
    int maxSessionsPerUser) {

  public RefreshSettings {
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("auth.refresh-token.idle-timeout must be positive");
    }
    if (sessionLifetime.compareTo(idleTimeout) < 0) {
      throw new IllegalArgumentException(
          "auth.session.lifetime must not be shorter than auth.refresh-token.idle-timeout");
    }
    if (retryWindow.isNegative() || retryWindow.compareTo(Duration.ofMinutes(1)) > 0) {
      throw new IllegalArgumentException(
          "auth.refresh-token.retry-window must be between 0 and 1 minute");
    }
    if (reuseGrace.isNegative() || reuseGrace.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new IllegalArgumentException(
          "auth.refresh-token.reuse-grace must be between 0 and 5 minutes");
    }
    if (purgeInterval.isNegative() || purgeInterval.isZero()) {
      throw new IllegalArgumentException("auth.refresh-token.purge-interval must be positive");
    }
    if (maxSessionsPerUser < 1) {
      throw new IllegalArgumentException("auth.session.max-per-user must be at least 1");
    }
  }
}
