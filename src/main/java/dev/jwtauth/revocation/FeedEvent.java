package dev.jwtauth.revocation;

import dev.jwtauth.verify.RevocationList;
import java.time.Instant;
import java.util.Locale;

/**
 * One revocation as the revocation feed tells it to a guard: a denied {@code jti}, a revoked
 * session ({@code sid}), a user's not-before ({@code user}: tokens of that {@code sub} issued
 * before {@code notBefore}) or a deleted client's ({@code client}: tokens of that {@code client_id}
 * issued up to {@code notBefore}). {@code keepUntil}: after it no token it concerns can be valid,
 * and the guard may forget it.
 */
public record FeedEvent(
    RevocationList.Kind kind, String issuer, String value, Instant notBefore, Instant keepUntil) {

  /** {@code jti}, {@code sid}, {@code user} or {@code client}. */
  public String type() {
    return kind.name().toLowerCase(Locale.ROOT);
  }
}
