package dev.jwtauth.refresh;

import dev.jwtauth.refresh.RefreshToken.State;
import java.time.Duration;
import java.time.Instant;

/**
 * What presenting a refresh token leads to. Pure: the refresh token rules of docs/security.md,
 * tested with a fixed clock.
 */
public enum RefreshDecision {
  /** Valid: rotate it. */
  ROTATE,
  /**
   * Rotated moments ago by this client, its successor not yet used: the answer was likely lost, so
   * the same successor is handed out again; nothing changes.
   */
  RETRY,
  /**
   * Rotated less than the grace period ago: issue a new token from the session's current one,
   * revoke nothing.
   */
  ROTATE_WITHIN_GRACE,
  /** Rotated before: someone replays it. Revoke the whole session. */
  REUSE_DETECTED,
  REVOKED,
  IDLE_EXPIRED,
  SESSION_EXPIRED,
  USER_DISABLED,
  WRONG_CLIENT;

  public boolean succeeds() {
    return this == ROTATE || this == RETRY || this == ROTATE_WITHIN_GRACE;
  }

  /**
   * How long after a rotation the rotated token still gets an answer.
   *
   * @param retry the same successor is returned to the same client while it is unused
   * @param reuseGrace a new token is issued from the session's current one
   */
  public record Windows(Duration retry, Duration reuseGrace) {}

  /**
   * @param token the presented token's row
   * @param session its session
   * @param presentingClient the client presenting it
   * @param userEnabled whether the session's user may still log in
   * @param successorUnused whether the token this one was rotated into is still active (and can be
   *     handed out again)
   */
  public static RefreshDecision decide(
      RefreshToken token,
      LoginSession session,
      String presentingClient,
      boolean userEnabled,
      boolean successorUnused,
      Instant now,
      Windows windows) {
    if (session.revoked() || token.state() == State.REVOKED) {
      return REVOKED;
    }
    if (!session.clientId().equals(presentingClient)) {
      // Another client's token: refused, the session stays — unless it was rotated already, which
      // means a copy of the family's token leaked to a second client.
      return token.state() == State.ROTATED ? REUSE_DETECTED : WRONG_CLIENT;
    }
    RefreshDecision success = ROTATE;
    if (token.state() == State.ROTATED) {
      if (successorUnused && within(token, windows.retry(), now)) {
        success = RETRY;
      } else if (within(token, windows.reuseGrace(), now)) {
        success = ROTATE_WITHIN_GRACE;
      } else {
        return REUSE_DETECTED;
      }
    }
    // A retry or grace refresh is a refresh like any other: the same expiry and account checks.
    if (!now.isBefore(session.expiresAt())) {
      return SESSION_EXPIRED;
    }
    if (!now.isBefore(token.expiresAt())) {
      return IDLE_EXPIRED;
    }
    if (!userEnabled) {
      return USER_DISABLED;
    }
    return success;
  }

  private static boolean within(RefreshToken rotated, Duration window, Instant now) {
    return !window.isZero()
        && rotated.rotatedAt() != null
        && now.isBefore(rotated.rotatedAt().plus(window));
  }
}
