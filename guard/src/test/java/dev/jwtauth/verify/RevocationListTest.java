package dev.jwtauth.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtauth.verify.RevocationList.Kind;
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
  void notBeforeRevokesTokensOfASessionIssuedInEarlierSecondsOnly() {
    Instant change = NOW.plusMillis(500);
    list.add(Kind.USER, "user-1", change, NOW.plusSeconds(900));
    assertTrue(list.isRevoked(token("a", "sid-1", "user-1", NOW.minusSeconds(1))));
    assertFalse(
        list.isRevoked(token("b", "sid-1", "user-1", NOW)),
        "issued in the same second: perhaps after the change; its session decides");
    assertFalse(list.isRevoked(token("c", "sid-1", "user-1", NOW.plusSeconds(1))));
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
   * docs/security.md: "Impersonation dies with its actor": act.sid and act.sub are checked like sid
   * and sub.
   */
  @Test
  void anImpersonationTokenIsRevokedWithItsActorsSession() {
    VerifiedToken impersonation = actingToken("imp-1", "target-1", "admin-1", "admin-sid", NOW);
    assertFalse(list.isRevoked(impersonation));
    list.add(Kind.SID, "admin-sid", null, NOW.plusSeconds(900));
    assertTrue(list.isRevoked(impersonation));
    assertFalse(list.isRevoked(actingToken("imp-2", "target-1", "admin-1", "other-sid", NOW)));
  }

  /**
   * An impersonation token minted in the same second as its target's disable has no session of its
   * own to stop it: the not-before must (it stayed valid for 5 minutes).
   */
  @Test
  void aTokenWithoutASessionIssuedInTheSecondOfTheNotBeforeIsRevoked() {
    list.add(Kind.USER, "target-1", NOW.plusMillis(500), NOW.plusSeconds(900));
    assertTrue(list.isRevoked(actingToken("imp-1", "target-1", "admin-1", "admin-sid", NOW)));
    assertTrue(list.isRevoked(token("no-session", null, "target-1", NOW)));
    assertFalse(
        list.isRevoked(
            actingToken("imp-2", "target-1", "admin-1", "admin-sid", NOW.plusSeconds(1))),
        "a second later, a new one is fine");
  }

  @Test
  void aDeletedClientsTokensAreRevokedUpToTheSecondOfItsDeletion() {
    list.add(Kind.CLIENT, "gone", NOW.plusMillis(500), NOW.plusSeconds(900));
    assertTrue(list.isRevoked(ofClient("gone", NOW.minusSeconds(60))));
    assertTrue(list.isRevoked(ofClient("gone", NOW)), "the second of the deletion");
    assertFalse(list.isRevoked(ofClient("gone", NOW.plusSeconds(1))), "registered again later");
    assertFalse(list.isRevoked(ofClient("other", NOW.minusSeconds(60))));
    assertEquals(1, list.size(Kind.CLIENT));
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

  /**
   * docs/security.md: "Revocations outlive what they cover": a user's (or session's) revocation is
   * kept, in memory and in the database ({@code keep_until}), as long as the longest-lived token it
   * can cover — here a client's 10-minute token while the default lifetime is 15 s — not the
   * default lifetime (on the first release such a token passed again after 20 s). Was watched for
   * 45 s by RunScriptIT.keepsARevocationAsLongAsTheLongestLivedTokenItCovers.
   */
  @Test
  void aUsersRevocationOutlivesTheLongestLivedTokenItCovers() {
    Duration skew = Duration.ofSeconds(5);
    // What the service keeps a user's revocation for (RevocationServiceTest): the longest lifetime.
    Instant keepUntil = NOW.plus(TokenVerifier.MAX_LIFETIME).plus(skew);
    list.add(Kind.USER, "user-1", NOW, keepUntil);
    Map<String, Object> claims = new HashMap<>(token("long", null, "user-1", NOW).claims());
    claims.put("iat", NOW.minusSeconds(1).getEpochSecond());
    claims.put("exp", NOW.plus(Duration.ofMinutes(10)).getEpochSecond());
    VerifiedToken tenMinuteToken = new VerifiedToken("raw", claims);
    for (Duration after = Duration.ZERO;
        after.compareTo(Duration.ofMinutes(10).plus(skew)) <= 0;
        after = after.plusSeconds(5)) {
      clock.set(NOW.plus(after));
      assertEquals(0, list.purgeExpired(), "kept " + after + " after the revocation");
      assertTrue(list.isRevoked(tenMinuteToken), "refused " + after + " after the revocation");
    }
    clock.set(keepUntil.minusMillis(1));
    assertEquals(0, list.purgeExpired(), "kept for the longest lifetime any client may give");
    clock.set(keepUntil);
    assertEquals(1, list.purgeExpired(), "then forgotten");
    assertEquals(Duration.ofDays(1).plus(skew), Duration.between(NOW, keepUntil));
  }

  @Test
  void alreadyExpiredEntriesAreNotAdded() {
    list.add(Kind.JTI, "old", null, NOW.minusSeconds(1));
    assertEquals(0, list.size());
  }

  /** A trusted issuer's revocations hold for that issuer's tokens only, never for the service's. */
  @Test
  void anotherIssuersRevocationsHoldForItsTokensOnly() {
    String shop = "https://keycloak.test/realms/shop";
    Instant keep = NOW.plusSeconds(3600);
    list.add(Kind.JTI, shop, "jti-1", null, keep);
    list.add(Kind.USER, shop, "sub-1", NOW, keep);
    assertTrue(list.isRevoked(issuedBy(shop, token("jti-1", null, "sub-9", NOW))));
    assertTrue(list.isRevoked(issuedBy(shop, token("jti-2", null, "sub-1", NOW.minusSeconds(1)))));
    assertFalse(list.isRevoked(issuedBy(shop, token("jti-3", null, "sub-1", NOW.plusSeconds(1)))));
    assertFalse(
        list.isRevoked(token("jti-1", null, "sub-1", NOW.minusSeconds(1))), "the service's");
    assertFalse(
        list.isRevoked(
            issuedBy("https://other.test", token("jti-1", null, "sub-1", NOW.minusSeconds(1)))));
    assertEquals(2, list.size());
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> list.add(Kind.SID, shop, "sid-1", null, keep));
  }

  private static VerifiedToken issuedBy(String issuer, VerifiedToken token) {
    Map<String, Object> claims = new HashMap<>(token.claims());
    claims.put("iss", issuer);
    return new VerifiedToken("raw", claims);
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

  private static VerifiedToken ofClient(String clientId, Instant issuedAt) {
    Map<String, Object> claims = new HashMap<>(token("c", "sid-c", "user-1", issuedAt).claims());
    claims.put("client_id", clientId);
    return new VerifiedToken("raw", claims);
  }

  private static VerifiedToken actingToken(
      String jti, String sub, String actor, String actorSid, Instant issuedAt) {
    Map<String, Object> claims = new HashMap<>(token(jti, null, sub, issuedAt).claims());
    claims.put("act", Map.of("sub", actor, "sid", actorSid));
    return new VerifiedToken("raw", claims);
  }
}
