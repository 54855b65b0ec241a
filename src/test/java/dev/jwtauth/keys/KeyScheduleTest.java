package dev.jwtauth.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwtauth.keys.KeySchedule.Activate;
import dev.jwtauth.keys.KeySchedule.DateRetirement;
import dev.jwtauth.keys.KeySchedule.PublishNext;
import dev.jwtauth.keys.KeySchedule.Unpublish;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decisions of scheduled rotation: publish ahead, activate on time, unpublish when safe. */
class KeyScheduleTest {

  private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
  private static final Duration INTERVAL = Duration.ofDays(90);
  private static final Duration LEAD = Duration.ofMinutes(5);

  private static KeyState active(String kid, Instant since) {
    return new KeyState(kid, "RS256", SigningKey.Status.ACTIVE, since, null, since, null, null);
  }

  private static KeyState next(String kid, Instant created, Instant activateAt) {
    return new KeyState(
        kid, "RS256", SigningKey.Status.NEXT, created, activateAt, null, null, null);
  }

  private static KeyState retired(String kid, Instant unpublishAt) {
    return new KeyState(kid, "RS256", SigningKey.Status.RETIRED, T0, null, T0, T0, unpublishAt);
  }

  @Test
  void nothingIsDueWhileTheActiveKeyIsYoung() {
    assertEquals(
        List.of(),
        KeySchedule.due(List.of(active("a", T0)), T0.plus(Duration.ofDays(89)), INTERVAL, LEAD));
  }

  @Test
  void theNextKeyIsPublishedOneCacheLifetimeBeforeItSigns() {
    Instant rotateAt = T0.plus(INTERVAL);
    Instant publishAt = rotateAt.minus(LEAD).minus(KeySchedule.PUBLISH_EARLY);
    List<KeyState> keys = List.of(active("a", T0));
    assertEquals(List.of(), KeySchedule.due(keys, publishAt.minusMillis(1), INTERVAL, LEAD));
    assertEquals(
        List.of(new PublishNext(rotateAt)), KeySchedule.due(keys, publishAt, INTERVAL, LEAD));
  }

  @Test
  void aLateNextKeyStillWaitsAWholeCacheLifetime() {
    Instant now = T0.plus(INTERVAL).plus(Duration.ofDays(3)); // the nodes were down
    assertEquals(
        List.of(new PublishNext(now.plus(LEAD))),
        KeySchedule.due(List.of(active("a", T0)), now, INTERVAL, LEAD));
  }

  @Test
  void thePublishedKeySignsOnTimeAndNotBefore() {
    Instant activateAt = T0.plus(INTERVAL);
    List<KeyState> keys = List.of(active("a", T0), next("b", activateAt.minus(LEAD), activateAt));
    assertEquals(List.of(), KeySchedule.due(keys, activateAt.minusMillis(1), INTERVAL, LEAD));
    assertEquals(List.of(new Activate("b")), KeySchedule.due(keys, activateAt, INTERVAL, LEAD));
  }

  @Test
  void aRetiredKeyLeavesOnceItsTokensHaveExpired() {
    Instant unpublishAt = T0.plus(Duration.ofHours(25));
    List<KeyState> keys = List.of(active("b", T0), retired("a", unpublishAt));
    assertEquals(List.of(), KeySchedule.due(keys, unpublishAt.minusMillis(1), INTERVAL, LEAD));
    assertEquals(List.of(new Unpublish("a")), KeySchedule.due(keys, unpublishAt, INTERVAL, LEAD));
  }

  @Test
  void aKeyRetiredBeforeRetirementsHadAnEndGetsOne() {
    List<KeyState> keys = List.of(active("b", T0), retired("a", null));
    assertEquals(List.of(new DateRetirement("a")), KeySchedule.due(keys, T0, INTERVAL, LEAD));
  }
}
