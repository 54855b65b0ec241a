package dev.jwtauth.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtauth.revocation.RevocationList.Kind;
import dev.jwtauth.verify.MovableClock;
import dev.jwtauth.verify.VerifiedToken;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RevocationListTest {

  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  private final MovableClock clock = new MovableClock(NOW);
  private final RevocationList list = new RevocationList(clock);

  @Test
  void aDeniedJtiIsRevokedOthersAreNot() {
    list.add(Kind.JTI, "jti-1", null, NOW.plusSeconds(900));
    assertTrue(list.isRevoked(token("jti-1", "sid-1", "user-1", NOW)));
    assertFalse(list.isRevoked(token("jti-2", "sid-1", "user-1", NOW)));
  }

  @Test
  void aRevokedSessionRevokesEveryTokenCarryingItsSid() {
    list.add(Kind.SID, "sid-1", null, NOW.plusSeconds(900));
    assertTrue(list.isRevoked(token("a", "sid-1", "user-1", NOW)));
    assertTrue(list.isRevoked(token("b", "sid-1", "user-1", NOW.minusSeconds(60))));
    assertFalse(list.isRevoked(token("c", "sid-2", "user-1", NOW)));
    assertFalse(
        list.isRevoked(token("d", null, "user-1", NOW)),
        "tokens without a session are not touched");
  }

  @Test
  void notBeforeRevokesTokensIssuedInEarlierSecondsOnly() {
    Instant change = NOW.plusMillis(500);
    list.add(Kind.USER, "user-1", change, NOW.plusSeconds(900));
    assertTrue(list.isRevoked(token("a", null, "user-1", NOW.minusSeconds(1))));
    assertFalse(
        list.isRevoked(token("b", null, "user-1", NOW)),
        "issued in the same second: not caught by not-before");
    assertFalse(list.isRevoked(token("c", null, "user-1", NOW.plusSeconds(1))));
    assertFalse(
        list.isRevoked(token("d", null, "user-2", NOW.minusSeconds(60))),
        "other users are not touched");
  }

  @Test
  void theLatestNotBeforeWinsWhateverTheOrderRowsArrive() {
    list.add(Kind.USER, "user-1", NOW.plusSeconds(100), NOW.plusSeconds(1000));
    list.add(Kind.USER, "user-1", NOW, NOW.plusSeconds(900));
    assertTrue(list.isRevoked(token("a", null, "user-1", NOW.plusSeconds(50))));
  }

  @Test
  void addingTheSameRowTwiceChangesNothing() {
    list.add(Kind.JTI, "jti-1", null, NOW.plusSeconds(900));
    list.add(Kind.JTI, "jti-1", null, NOW.plusSeconds(900));
    assertEquals(1, list.size());
  }

  @Test
  void entriesLeaveMemoryOnceTheyCanNoLongerMatter() {
    list.add(Kind.JTI, "jti-1", null, NOW.plusSeconds(60));
    list.add(Kind.SID, "sid-1", null, NOW.plusSeconds(120));
    list.add(Kind.USER, "user-1", NOW, NOW.plusSeconds(180));
    assertEquals(0, list.purgeExpired());
    clock.advance(Duration.ofSeconds(60));
    assertEquals(1, list.purgeExpired());
    clock.advance(Duration.ofSeconds(120));
    assertEquals(2, list.purgeExpired());
    assertEquals(0, list.size());
  }

  /**
   * PRODUCT.md §9 "Impersonation dies with its actor": act.sid and act.sub are checked like sid and
   * sub.
   */
  @Test
  void anImpersonationTokenIsRevokedWithItsActorsSession() {
    VerifiedToken impersonation = actingToken("imp-1", "target-1", "admin-1", "admin-sid", NOW);
    assertFalse(list.isRevoked(impersonation));
    list.add(Kind.SID, "admin-sid", null, NOW.plusSeconds(900));
    assertTrue(list.isRevoked(impersonation));
    assertFalse(list.isRevoked(actingToken("imp-2", "target-1", "admin-1", "other-sid", NOW)));
  }

  @Test
  void anImpersonationTokenIsRevokedWithItsActor() {
    list.add(Kind.USER, "admin-1", NOW.plusSeconds(1), NOW.plusSeconds(900));
    assertTrue(list.isRevoked(actingToken("imp-1", "target-1", "admin-1", "admin-sid", NOW)));
    assertFalse(list.isRevoked(actingToken("imp-2", "target-1", "admin-2", "sid-2", NOW)));
    assertFalse(
        list.isRevoked(token("own", "target-sid", "target-1", NOW)),
        "the target's own tokens stay");
  }

  @Test
  void alreadyExpiredEntriesAreNotAdded() {
    list.add(Kind.JTI, "old", null, NOW.minusSeconds(1));
    assertEquals(0, list.size());
  }

  private static VerifiedToken token(String jti, String sid, String sub, Instant issuedAt) {
    Map<String, Object> claims = new HashMap<>();
    claims.put("jti", jti);
    claims.put("sub", sub);
    claims.put("iat", issuedAt.getEpochSecond());
    if (sid != null) {
      claims.put("sid", sid);
    }
    return new VerifiedToken("raw", claims);
  }

  private static VerifiedToken actingToken(
      String jti, String sub, String actor, String actorSid, Instant issuedAt) {
    Map<String, Object> claims = new HashMap<>(token(jti, null, sub, issuedAt).claims());
    claims.put("act", Map.of("sub", actor, "sid", actorSid));
    return new VerifiedToken("raw", claims);
  }
}
