package dev.jwtauth.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FeedCursorTest {

  private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
  private static final Duration HOUR = Duration.ofHours(1);

  @Test
  void aCursorReadsBackAsWritten() {
    FeedCursor cursor = new FeedCursor(1042, NOW);
    assertEquals("1042.1796472000000", cursor.toString());
    assertEquals(Optional.of(cursor), FeedCursor.parse(cursor.toString()));
  }

  @Test
  void anythingElseIsNoCursor() {
    for (String text :
        new String[] {
          "",
          "1",
          "1.",
          ".1",
          "-1.5",
          "1.5.6",
          "a.b",
          "1.2 ",
          "0x1.2",
          "1234567890123456789.1",
          "1.1234567890123456"
        }) {
      assertEquals(Optional.empty(), FeedCursor.parse(text), text);
    }
    assertEquals(Optional.empty(), FeedCursor.parse(null));
  }

  @Test
  void aCursorExpiresAfterTheRetentionAndNeverComesFromTheFuture() {
    assertFalse(new FeedCursor(1, NOW.minus(HOUR)).expired(NOW, HOUR));
    assertTrue(new FeedCursor(1, NOW.minus(HOUR).minusMillis(1)).expired(NOW, HOUR));
    assertFalse(new FeedCursor(1, NOW.plusSeconds(60)).expired(NOW, HOUR), "another node's clock");
    assertTrue(new FeedCursor(1, NOW.plusSeconds(61)).expired(NOW, HOUR));
  }
}
