package dev.jwtauth.refresh;

import dev.jwtauth.refresh.RefreshToken.State;
import java.time.Duration;
import java.time.Instant;

/**
 * What presenting a refresh token leads to. Pure: the rules of PRODUCT.md §3 "Refresh token",
 * tested with a fixed clock.
 */
public enum RefreshDecision {
  /** Valid: rotate it. */
  ROTATE,
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
    return this == ROTATE || this == ROTATE_WITHIN_GRACE;
  }

  /**
   * @param token the presented token's row
   * @param session its session
   * @param presentingClient the client presenting it
   * @param userEnabled whether the session's user may still log in
   */
  public static RefreshDecision decide(
      RefreshToken token,
      LoginSession session,
      String presentingClient,
      boolean userEnabled,
      Instant now,
      Duration reuseGrace) {
    if (!session.clientId().equals(presentingClient)) {
      return WRONG_CLIENT; // another client's token: refused, the session stays
    }
    if (session.revoked() || token.state() == State.REVOKED) {
      return REVOKED;
    }
    boolean withinGrace = false;
    if (token.state() == State.ROTATED) {
      withinGrace =
          !reuseGrace.isZero()
              && token.rotatedAt() != null
              && now.isBefore(token.rotatedAt().plus(reuseGrace));
      if (!withinGrace) {
        return REUSE_DETECTED;
      }
    }
    // The grace path is a refresh like any other: the same expiry and account checks apply.
    if (!now.isBefore(session.expiresAt())) {
      return SESSION_EXPIRED;
    }
    if (!now.isBefore(token.expiresAt())) {
      return IDLE_EXPIRED;
    }
    if (!userEnabled) {
      return USER_DISABLED;
    }
    return withinGrace ? ROTATE_WITHIN_GRACE : ROTATE;
  }
}
