package dev.jwtauth.keys;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Scheduled rotation, as pure decisions (docs/operations.md "Keys"): what is due now, given the
 * keys. A key signs for {@code rotationInterval}; its successor is published at least {@code lead}
 * (the JWKS cache lifetime and the time every node needs to load it) before it signs, so that
 * resource servers caching the JWKS already know it; a retired key leaves the JWKS once every token
 * it signed has expired.
 */
final class KeySchedule {

  /**
   * How much earlier than {@code lead} the next key is generated: the schedule is checked every
   * second and generating a key takes a moment, so that the key still signs on time.
   */
  static final Duration PUBLISH_EARLY = Duration.ofSeconds(2);

  /** One change the schedule asks for. */
  sealed interface Step {}

  /** Generate the next key, published now, signing from {@code activateAt}. */
  record PublishNext(Instant activateAt) implements Step {}

  /** The next key starts signing; the active one retires. */
  record Activate(String kid) implements Step {}

  /** A retired key whose tokens have all expired leaves the JWKS (and the database). */
  record Unpublish(String kid) implements Step {}

  /** A key retired before retirement had an end (migration V10) gets one. */
  record DateRetirement(String kid) implements Step {}

  private KeySchedule() {}

  static List<Step> due(
      List<KeyState> keys, Instant now, Duration rotationInterval, Duration lead) {
    List<Step> steps = new ArrayList<>();
    for (KeyState key : keys) {
      if (key.status() == SigningKey.Status.RETIRED) {
        if (key.unpublishAt() == null) {
          steps.add(new DateRetirement(key.kid()));
        } else if (!key.unpublishAt().isAfter(now)) {
          steps.add(new Unpublish(key.kid()));
        }
      }
    }
    Optional<KeyState> next =
        keys.stream()
            .filter(key -> key.status() == SigningKey.Status.NEXT)
            .min(Comparator.comparing(KeyState::activateAt));
    Optional<KeyState> active =
        keys.stream().filter(key -> key.status() == SigningKey.Status.ACTIVE).findFirst();
    if (next.isPresent()) {
      if (!next.get().activateAt().isAfter(now)) {
        steps.add(new Activate(next.get().kid()));
      }
    } else if (active.isPresent()) {
      Instant rotateAt = active.get().activatedAt().plus(rotationInterval);
      if (!rotateAt.minus(lead).minus(PUBLISH_EARLY).isAfter(now)) {
        Instant earliest = now.plus(lead);
        steps.add(new PublishNext(rotateAt.isAfter(earliest) ? rotateAt : earliest));
      }
    }
    return steps;
  }
}
