package dev.jwtauth.audit;

import dev.jwtauth.jobs.RepeatingTask;
import dev.jwtauth.logging.LogEvent;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Events that can repeat at an abusive rate, audited as one row per key and window, with a count,
 * and never one row or log line each: a refused (throttled) login — per locked pair or refused
 * address, for as long as the refusal lasts —, so that a caller without credentials cannot grow the
 * database or the log by hammering a lockout; a refresh — per session and minute —, so that one
 * account refreshing in a loop cannot either.
 *
 * <p>The first event of a window writes its row (and its log line) at once, in the caller's
 * transaction; later ones are counted in memory and written to that row every {@link #FLUSH_EVERY}.
 * Each node counts its own, so a key seen by two nodes has a row from each. At most {@link
 * #MAX_OPEN} windows are open at once; events beyond them are counted in one warning per flush
 * instead.
 */
@ApplicationScoped
public class RepeatedEvents {

  static final int MAX_OPEN = 10_000;
  static final Duration FLUSH_EVERY = Duration.ofSeconds(2);

  private static final Logger LOG = Logger.getLogger("dev.jwtauth.audit");

  /** A window: its row (null while the first event writes it) and its count. */
  private static final class Window {
    final Instant until;
    final AuditEventType type;
    String rowId;
    long occurrences = 1;
    long written = 1;
    Instant last;

    Window(Instant until, AuditEventType type) {
      this.until = until;
      this.type = type;
    }
  }

  private record Update(String rowId, long occurrences, Instant last) {}

  private final Map<String, Window> open = new HashMap<>();
  private long unrecorded;

  @Inject AuditLog audit;
  @Inject Clock clock;

  @Resource ManagedScheduledExecutorService scheduler;

  private final RepeatingTask task = new RepeatingTask(this::flush);

  public void start() {
    task.start(scheduler, FLUSH_EVERY);
  }

  /**
   * Records one event: writes its row if no window of its key is open, else counts it.
   *
   * @param key what the events are about (a locked pair, an address, a session)
   * @param window how long after the first event later ones are counted into its row
   * @param writeRow writes the first row, in the caller's transaction, and answers its id
   */
  public void record(String key, Duration window, AuditEventType type, Supplier<String> writeRow) {
    Instant now = clock.instant();
    String scoped = type.code() + ":" + key;
    Window opened;
    synchronized (this) {
      Window current = open.get(scoped);
      if (current != null && now.isBefore(current.until)) {
        current.occurrences++;
        current.last = now;
        return;
      }
      if (current == null && open.size() >= MAX_OPEN) {
        unrecorded++;
        return;
      }
      opened = new Window(now.plus(window), type);
      open.put(scoped, opened);
    }
    try {
      String rowId = writeRow.get();
      synchronized (this) {
        opened.rowId = rowId;
      }
    } catch (RuntimeException e) {
      synchronized (this) {
        open.remove(scoped, opened);
      }
      throw e;
    }
  }

  /** Writes the counts that grew, and closes the windows that ended. */
  void flush() {
    Instant now = clock.instant();
    List<Update> updates = new ArrayList<>();
    List<Window> closed = new ArrayList<>();
    long lost;
    synchronized (this) {
      for (Iterator<Window> windows = open.values().iterator(); windows.hasNext(); ) {
        Window window = windows.next();
        if (window.rowId != null && window.occurrences > window.written) {
          updates.add(new Update(window.rowId, window.occurrences, window.last));
          window.written = window.occurrences;
        }
        if (window.rowId != null && !now.isBefore(window.until)) {
          windows.remove();
          if (window.occurrences > 1) {
            closed.add(window);
          }
        }
      }
      lost = unrecorded;
      unrecorded = 0;
    }
    try {
      updates.forEach(
          update -> audit.occurred(update.rowId(), update.occurrences(), update.last()));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not write the counts of throttled logins: {0}", e.toString());
    }
    for (Window window : closed) {
      LOG.log(
          Level.INFO,
          "{0}",
          LogEvent.of(window.type.code() + "_repeated")
              .with("audit_id", window.rowId)
              .with("occurrences", Long.toString(window.occurrences)));
    }
    if (lost > 0) {
      LOG.warning(
          lost
              + " repeated events were not audited: more than "
              + MAX_OPEN
              + " windows were open at once");
    }
  }

  /** Before the application's beans go away (ServiceStartup): the last counts are written. */
  public void stop() {
    task.stop();
    flush();
  }
}
