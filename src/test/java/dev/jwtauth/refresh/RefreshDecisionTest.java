package dev.jwtauth.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtauth.crypto.OpaqueValues;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The rotation decisions of docs/security.md "Refresh tokens and sessions", with time fixed. */
class RefreshDecisionTest {

  private static final Instant LOGIN = Instant.parse("2026-06-01T12:00:00Z");
  private static final Duration IDLE = Duration.ofDays(7);
  private static final Duration LIFETIME = Duration.ofDays(30);
  private static final Duration NO_GRACE = Duration.ZERO;
  private static final RefreshDecision.Windows RETRY_10S =
      new RefreshDecision.Windows(Duration.ofSeconds(10), Duration.ZERO);

  private final LoginSession session =
      new LoginSession("user-1", "alice", "web", "tasks:read", LOGIN, LOGIN.plus(LIFETIME));
  private final RefreshToken token =
      new RefreshToken("hash", session.id(), LOGIN, LOGIN.plus(IDLE));

  @Test
  void aFreshTokenRotates() {
    assertEquals(RefreshDecision.ROTATE, decide(LOGIN.plusSeconds(60), NO_GRACE));
    assertTrue(RefreshDecision.ROTATE.succeeds());
  }

  @Test
  void aTokenUnusedForTheIdleTimeExpires() {
    assertEquals(RefreshDecision.ROTATE, decide(LOGIN.plus(IDLE).minusSeconds(1), NO_GRACE));
    assertEquals(RefreshDecision.IDLE_EXPIRED, decide(LOGIN.plus(IDLE), NO_GRACE));
  }

  @Test
  void noSessionOutlivesItsAbsoluteLifetime() {
    // A token issued on day 29 would be idle-valid until day 36, but the session ends on day 30.
    RefreshToken late =
        new RefreshToken(
            "late", session.id(), LOGIN.plus(Duration.ofDays(29)), LOGIN.plus(Duration.ofDays(36)));
    assertEquals(
        RefreshDecision.SESSION_EXPIRED,
        RefreshDecision.decide(
            late, session, "web", true, false, LOGIN.plus(LIFETIME), grace(NO_GRACE)));
  }

  @Test
  void aRotatedTokenPresentedAgainIsReuse() {
    token.rotated(LOGIN.plusSeconds(60), "next");
    assertEquals(RefreshDecision.REUSE_DETECTED, decide(LOGIN.plusSeconds(61), NO_GRACE));
    assertFalse(RefreshDecision.REUSE_DETECTED.succeeds());
  }

  @Test
  void withinTheGracePeriodARotatedTokenStillWorks() {
    token.rotated(LOGIN.plusSeconds(60), "next");
    Duration grace = Duration.ofSeconds(10);
    assertEquals(RefreshDecision.ROTATE_WITHIN_GRACE, decide(LOGIN.plusSeconds(69), grace));
    assertEquals(RefreshDecision.REUSE_DETECTED, decide(LOGIN.plusSeconds(70), grace));
  }

  /**
   * docs/security.md: "Defaults that leak": the grace path checks expiry and the account like the
   * normal path.
   */
  @Test
  void theGracePeriodDoesNotSkipTheSessionLifetime() {
    RefreshToken late = rotatedJustBeforeTheSessionEnds(5);
    assertEquals(
        RefreshDecision.SESSION_EXPIRED,
        RefreshDecision.decide(
            late,
            session,
            "web",
            true,
            false,
            LOGIN.plus(LIFETIME).plusSeconds(1),
            grace(Duration.ofMinutes(1))));
  }

  @Test
  void theGracePeriodDoesNotSkipTheIdleTimeout() {
    token.rotated(LOGIN.plus(IDLE).minusSeconds(5), "next");
    assertEquals(
        RefreshDecision.IDLE_EXPIRED,
        decide(LOGIN.plus(IDLE).plusSeconds(1), Duration.ofMinutes(1)));
  }

  @Test
  void theGracePeriodDoesNotSkipADisabledUser() {
    token.rotated(LOGIN.plusSeconds(60), "next");
    assertEquals(
        RefreshDecision.USER_DISABLED,
        RefreshDecision.decide(
            token,
            session,
            "web",
            false,
            false,
            LOGIN.plusSeconds(65),
            grace(Duration.ofSeconds(10))));
  }

  @Test
  void aRevokedTokenOrSessionIsRefused() {
    token.revoked();
    assertEquals(RefreshDecision.REVOKED, decide(LOGIN.plusSeconds(60), NO_GRACE));

    RefreshToken other = new RefreshToken("other", session.id(), LOGIN, LOGIN.plus(IDLE));
    session.revoke(LOGIN.plusSeconds(30), "logout");
    assertEquals(
        RefreshDecision.REVOKED,
        RefreshDecision.decide(
            other, session, "web", true, false, LOGIN.plusSeconds(60), grace(NO_GRACE)));
  }

  @Test
  void aRevokedSessionsRotatedTokenIsRevokedNotReuse() {
    token.rotated(LOGIN.plusSeconds(60), "next");
    session.revoke(LOGIN.plusSeconds(90), "logout");
    assertEquals(RefreshDecision.REVOKED, decide(LOGIN.plusSeconds(120), NO_GRACE));
  }

  @Test
  void aDisabledUserCannotRefresh() {
    assertEquals(
        RefreshDecision.USER_DISABLED,
        RefreshDecision.decide(
            token, session, "web", false, false, LOGIN.plusSeconds(60), grace(NO_GRACE)));
  }

  @Test
  void anotherClientsTokenIsRefusedWithoutTouchingTheSession() {
    assertEquals(
        RefreshDecision.WRONG_CLIENT,
        RefreshDecision.decide(
            token, session, "other-client", true, false, LOGIN.plusSeconds(60), grace(NO_GRACE)));
  }

  @Test
  void anotherClientPresentingARotatedTokenIsReuse() {
    token.rotated(LOGIN.plusSeconds(60), "next");
    // Even moments after the rotation, with the successor unused: a second client holds a copy.
    assertEquals(
        RefreshDecision.REUSE_DETECTED,
        RefreshDecision.decide(
            token, session, "other-client", true, true, LOGIN.plusSeconds(61), RETRY_10S));
  }

  @Test
  void withinTheRetryWindowTheSameClientGetsTheUnusedSuccessorAgain() {
    token.rotated(LOGIN.plusSeconds(60), "next");
    assertEquals(RefreshDecision.RETRY, retry(LOGIN.plusSeconds(60), true));
    assertEquals(RefreshDecision.RETRY, retry(LOGIN.plusSeconds(69), true));
    assertTrue(RefreshDecision.RETRY.succeeds());
  }

  @Test
  void afterTheRetryWindowARotatedTokenIsReuse() {
    token.rotated(LOGIN.plusSeconds(60), "next");
    assertEquals(RefreshDecision.REUSE_DETECTED, retry(LOGIN.plusSeconds(70), true));
  }

  @Test
  void aRotatedTokenWhoseSuccessorWasUsedIsReuseEvenWithinTheWindow() {
    // The client had the answer (it used the successor): the old token again is a replay.
    token.rotated(LOGIN.plusSeconds(60), "next");
    assertEquals(RefreshDecision.REUSE_DETECTED, retry(LOGIN.plusSeconds(61), false));
  }

  @Test
  void theRetryWindowDoesNotSkipTheSessionLifetimeOrADisabledUser() {
    RefreshToken late = rotatedJustBeforeTheSessionEnds(2);
    assertEquals(
        RefreshDecision.SESSION_EXPIRED,
        RefreshDecision.decide(
            late, session, "web", true, true, LOGIN.plus(LIFETIME).plusSeconds(1), RETRY_10S));
    token.rotated(LOGIN.plusSeconds(60), "next");
    assertEquals(
        RefreshDecision.USER_DISABLED,
        RefreshDecision.decide(
            token, session, "web", false, true, LOGIN.plusSeconds(61), RETRY_10S));
  }

  @Test
  void aRetryOfARevokedSessionIsRevoked() {
    token.rotated(LOGIN.plusSeconds(60), "next");
    session.revoke(LOGIN.plusSeconds(61), "logout");
    assertEquals(RefreshDecision.REVOKED, retry(LOGIN.plusSeconds(62), true));
  }

  @Test
  void withoutARetryWindowTheGracePeriodStillApplies() {
    token.rotated(LOGIN.plusSeconds(60), "next");
    assertEquals(
        RefreshDecision.ROTATE_WITHIN_GRACE,
        RefreshDecision.decide(
            token,
            session,
            "web",
            true,
            true,
            LOGIN.plusSeconds(61),
            new RefreshDecision.Windows(Duration.ZERO, Duration.ofSeconds(10))));
  }

  @Test
  void refreshTokenValuesAre256RandomBitsStoredAsSha256() {
    String value = OpaqueValues.generate();
    assertEquals(43, value.length());
    assertTrue(value.matches("[A-Za-z0-9_-]+"));
    assertEquals(43, OpaqueValues.hash(value).length());
    assertEquals(OpaqueValues.hash(value), OpaqueValues.hash(value));
    assertFalse(value.equals(OpaqueValues.generate()));
  }

  private RefreshDecision decide(Instant now, Duration grace) {
    return RefreshDecision.decide(token, session, "web", true, false, now, grace(grace));
  }

  /** Issued 30 s before the session's end, rotated {@code secondsBefore} it. */
  private RefreshToken rotatedJustBeforeTheSessionEnds(int secondsBefore) {
    RefreshToken late =
        new RefreshToken(
            "late",
            session.id(),
            LOGIN.plus(LIFETIME).minusSeconds(30),
            LOGIN.plus(LIFETIME).plus(IDLE));
    late.rotated(LOGIN.plus(LIFETIME).minusSeconds(secondsBefore), "next");
    return late;
  }

  private RefreshDecision retry(Instant now, boolean successorUnused) {
    return RefreshDecision.decide(token, session, "web", true, successorUnused, now, RETRY_10S);
  }

  private static RefreshDecision.Windows grace(Duration reuseGrace) {
    return new RefreshDecision.Windows(Duration.ZERO, reuseGrace);
  }
}
