package dev.jwtauth.faults;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtauth.metrics.AuthMetrics;
import dev.jwtauth.verify.MovableClock;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gate in front of login, refresh and admin writes: after an outage is seen, requests are
 * answered 503 at once (no pool or statement wait), one trial a second goes through, and a success
 * opens the way; one WARNING per outage.
 */
class DatabaseAvailabilityTest {

  private final MovableClock clock = new MovableClock(Instant.parse("2026-12-02T10:00:00Z"));
  private final AuthMetrics metrics = new AuthMetrics();
  private final DatabaseAvailability availability = new DatabaseAvailability(metrics, clock);
  private final List<LogRecord> logged = new ArrayList<>();
  private final Logger logger = Logger.getLogger(DatabaseAvailability.class.getName());
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  private static final SQLException CUT = new SQLException("connection reset", "08006");
  private static final SQLException LOCKED = new SQLException("canceling statement", "57014");

  @BeforeEach
  void listen() {
    logger.addHandler(capture);
  }

  @AfterEach
  void stopListening() {
    logger.removeHandler(capture);
  }

  @Test
  void whileTheDatabaseAnswersEveryCallGoesThrough() {
    for (int i = 0; i < 5; i++) {
      assertDoesNotThrow(availability::check);
    }
    assertFalse(availability.down());
  }

  @Test
  void afterAnOutageIsSeenCallsAreRefusedAtOnceExceptOneTrialASecond() {
    DatabaseUnavailableException first = availability.failed(CUT);
    assertEquals(503, first.status());
    assertEquals("temporarily_unavailable", first.error());
    assertEquals("2", first.headers().get("Retry-After"));
    assertTrue(availability.down());

    assertThrows(DatabaseUnavailableException.class, availability::check);
    clock.advance(Duration.ofMillis(999));
    assertThrows(DatabaseUnavailableException.class, availability::check);
    clock.advance(Duration.ofMillis(1));
    assertDoesNotThrow(availability::check, "the trial of this second");
    assertThrows(DatabaseUnavailableException.class, availability::check, "only one per second");
  }

  @Test
  void aSuccessfulCallEndsTheOutage() {
    availability.failed(CUT);
    availability.succeeded();
    assertFalse(availability.down());
    assertDoesNotThrow(availability::check);
  }

  @Test
  void oneWarningPerOutageHoweverManyRequestsItRefuses() {
    for (int i = 0; i < 20; i++) {
      availability.failed(CUT);
      assertThrows(DatabaseUnavailableException.class, availability::check);
    }
    availability.succeeded();
    availability.failed(CUT); // a second outage
    List<LogRecord> warnings = logged.stream().filter(r -> r.getLevel() == Level.WARNING).toList();
    assertEquals(2, warnings.size());
    assertTrue(
        warnings.get(0).getMessage().contains("SQLState 08006"), warnings.get(0).getMessage());
    assertEquals(1, logged.stream().filter(r -> r.getLevel() == Level.INFO).count(), "recovered");
    assertEquals(
        41.0,
        metrics.registry().find("auth.database.unavailable").counter().count(),
        "every refused request is counted");
  }

  @Test
  void aStatementStoppedByALockIsRefusedButDoesNotCloseTheGate() {
    assertEquals(503, availability.failed(LOCKED).status());
    assertFalse(availability.down());
    assertDoesNotThrow(availability::check);
    availability.failed(LOCKED);
    assertEquals(1, logged.stream().filter(r -> r.getLevel() == Level.WARNING).count());
  }

  @Test
  void aFailedReadinessProbeClosesTheGateWithoutCountingARequest() {
    availability.observedDown(CUT);
    assertTrue(availability.down());
    assertEquals(0.0, metrics.registry().find("auth.database.unavailable").counter().count());
  }
}
