package dev.jwtauth.faults;

import dev.jwtauth.metrics.AuthMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * Whether this node can reach its database, learnt from the calls that fail and succeed (and from
 * the readiness check). Once a call found the database out of reach, login, refresh and admin
 * writes are answered 503 at once instead of each waiting for a pool or statement timeout, except
 * one trial call per {@link #TRIAL_INTERVAL}, whose success opens the way again. One WARNING when
 * an outage starts and one INFO when it ends, however many requests it refused.
 */
@ApplicationScoped
public class DatabaseAvailability {

  /** How often, while the database is out of reach, one request is let through to try it. */
  static final Duration TRIAL_INTERVAL = Duration.ofSeconds(1);

  private static final Logger LOG = Logger.getLogger(DatabaseAvailability.class.getName());

  /** When the current outage was first seen; null while the database answers. */
  private final AtomicReference<Instant> downSince = new AtomicReference<>();

  /** Epoch millis before which no trial call is let through. */
  private final AtomicLong nextTrial = new AtomicLong();

  private final AtomicLong refusedDuringOutage = new AtomicLong();

  private final AtomicLong lastStatementWarning = new AtomicLong(Long.MIN_VALUE / 2);

  private static final Duration STATEMENT_WARNING_INTERVAL = Duration.ofMinutes(1);

  @Inject AuthMetrics metrics;
  @Inject Clock clock;

  /** For CDI. */
  protected DatabaseAvailability() {}

  DatabaseAvailability(AuthMetrics metrics, Clock clock) {
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * Before a call that needs the database.
   *
   * @throws DatabaseUnavailableException while an outage is known and this is not a trial's turn
   */
  public void check() {
    if (downSince.get() == null) {
      return;
    }
    long now = clock.millis();
    long trialAt = nextTrial.get();
    if (now >= trialAt && nextTrial.compareAndSet(trialAt, now + TRIAL_INTERVAL.toMillis())) {
      return; // this call tries the database for everyone
    }
    throw refused();
  }

  /**
   * A call found the database out of reach: remember it (the first one of an outage logs why) and
   * answer 503.
   */
  public DatabaseUnavailableException failed(Throwable cause) {
    if (DatabaseFailures.isOutage(cause)) {
      observedDown(cause);
    } else {
      // One statement stopped by a lock or a timeout: 503 for this request, the gate stays open.
      long now = clock.millis();
      long last = lastStatementWarning.get();
      if (now - last >= STATEMENT_WARNING_INTERVAL.toMillis()
          && lastStatementWarning.compareAndSet(last, now)) {
        LOG.warning(
            () ->
                "A database statement did not complete ("
                    + describe(cause)
                    + "); answered 503 (logged at most once a minute)");
      }
    }
    return refused();
  }

  /** The database was found out of reach by something other than a request (readiness). */
  public void observedDown(Throwable cause) {
    Instant now = clock.instant();
    if (downSince.compareAndSet(null, now)) {
      nextTrial.set(now.toEpochMilli() + TRIAL_INTERVAL.toMillis());
      refusedDuringOutage.set(0);
      LOG.warning(
          () ->
              "The database is out of reach ("
                  + describe(cause)
                  + "); login, refresh and admin writes answer 503 until it is back");
    }
  }

  /** A call reached the database: an outage, if one was known, is over. */
  public void succeeded() {
    Instant since = downSince.getAndSet(null);
    if (since != null) {
      LOG.info(
          () ->
              "The database answers again after "
                  + Duration.between(since, clock.instant()).toMillis()
                  + " ms; "
                  + refusedDuringOutage.get()
                  + " requests were answered 503 meanwhile");
    }
  }

  /** Whether an outage is known (the readiness check reports it as well). */
  public boolean down() {
    return downSince.get() != null;
  }

  private DatabaseUnavailableException refused() {
    refusedDuringOutage.incrementAndGet();
    metrics.databaseUnavailable();
    return new DatabaseUnavailableException();
  }

  /** The failure's innermost message, first line only: what broke, without a stack trace. */
  static String describe(Throwable cause) {
    Throwable innermost = cause;
    String state = null;
    for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
      innermost = t;
      if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && state == null) {
        state = sql.getSQLState();
      }
    }
    String message = String.valueOf(innermost.getMessage()).lines().findFirst().orElse("");
    return innermost.getClass().getSimpleName()
        + (state == null ? "" : ", SQLState " + state)
        + ": "
        + message;
  }
}
