package dev.jwtauth.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtauth.crypto.OpaqueValues;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RefreshTokenTagsTest {

  private static final byte[] KEY = "a key of thirty-two bytes, or so".getBytes();
  private static final String SESSION = UUID.randomUUID().toString();
  private static final Instant EXPIRES = Instant.parse("2026-12-10T10:00:00Z");

  @Test
  void aTagSaysItsSessionAndExpiry() {
    String value = RefreshTokenTags.issue(KEY, SESSION, EXPIRES);
    assertEquals(
        Optional.of(new RefreshTokenTags.Tag(SESSION, EXPIRES)), RefreshTokenTags.read(KEY, value));
    assertTrue(value.length() <= OpaqueValues.MAX_LENGTH, value);
    assertTrue(value.matches("[A-Za-z0-9_-]{43}\\.[A-Za-z0-9_-]+"), value);
    assertNotEquals(value, RefreshTokenTags.issue(KEY, SESSION, EXPIRES), "random each time");
  }

  @Test
  void onlyItsOwnKeyAndAnUnalteredValueRead() {
    String value = RefreshTokenTags.issue(KEY, SESSION, EXPIRES);
    byte[] otherKey = Arrays.copyOf(KEY, KEY.length);
    otherKey[0] ^= 1;
    assertEquals(Optional.empty(), RefreshTokenTags.read(otherKey, value));
    char last = value.charAt(value.length() - 1);
    String alteredTag = value.substring(0, value.length() - 1) + (last == 'A' ? 'B' : 'A');
    assertEquals(Optional.empty(), RefreshTokenTags.read(KEY, alteredTag));
    String alteredRandom = (value.charAt(0) == 'A' ? "B" : "A") + value.substring(1);
    assertEquals(Optional.empty(), RefreshTokenTags.read(KEY, alteredRandom));
    String otherSession =
        RefreshTokenTags.issue(KEY, UUID.randomUUID().toString(), EXPIRES).split("\\.")[1];
    assertEquals(
        Optional.empty(), RefreshTokenTags.read(KEY, value.split("\\.")[0] + "." + otherSession));
  }

  @Test
  void valuesWithoutATagReadAsNothing() {
    for (String value :
        new String[] {OpaqueValues.generate(), "", ".", "abc.", "abc.%%%", "abc.AAAA", "a.b.c"}) {
      assertEquals(Optional.empty(), RefreshTokenTags.read(KEY, value), value);
    }
  }

  @Test
  void aSessionIdThatIsNoUuidGetsAnUntaggedValue() {
    String value = RefreshTokenTags.issue(KEY, "not-a-uuid", EXPIRES);
    assertEquals(43, value.length());
  }
}
