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
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Refused (throttled) logins, audited as one {@code login_throttled} row per locked pair or refused
 * address and refusal window, with a count, and never one row or log line per request: a caller
 * without credentials must not be able to grow the database or the log by hammering a lockout.
 *
 * <p>The first refusal of a window writes its row (and its log line) at once; later ones are
 * counted in memory and written to that row every {@link #FLUSH_EVERY}. Each node counts its own
 * refusals, so a pair refused by two nodes has a row from each. At most {@link #MAX_OPEN} windows
 * are open at once; refusals beyond them are counted in one warning per flush instead.
 */
@ApplicationScoped
public class RepeatedLoginRefusals {

  static final int MAX_OPEN = 10_000;
  static final Duration FLUSH_EVERY = Duration.ofSeconds(2);

  private static final Logger LOG = Logger.getLogger("dev.jwtauth.audit");

  /** A refusal window: its row (null while the first refusal writes it) and its count. */
  private static final class Window {
    final Instant until;
    final String address;
    String rowId;
    long occurrences = 1;
    long written = 1;
    Instant last;

    Window(Instant until, String address) {
      this.until = until;
      this.address = address;
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
   * @param refused what is refused ({@code pair:…} or {@code address:…}); refusals of one such key
   *     within one window are one row
   * @param retryAfter how long the refusal lasts: the window
   */
  public void refused(
      String refused, Duration retryAfter, String username, String address, String clientId) {
    Instant now = clock.instant();
    String key = refused != null ? refused : "address:" + address;
    Window window;
    synchronized (this) {
      Window current = open.get(key);
      if (current != null && now.isBefore(current.until)) {
        current.occurrences++;
        current.last = now;
        return;
      }
      if (current == null && open.size() >= MAX_OPEN) {
        unrecorded++;
        return;
      }
      window = new Window(now.plus(retryAfter), address);
      open.put(key, window);
    }
    try {
      String rowId =
          audit.login(
              AuditEventType.LOGIN_THROTTLED,
              username,
              address,
              clientId,
              null,
              "too_many_attempts");
      synchronized (this) {
        window.rowId = rowId;
      }
    } catch (RuntimeException e) {
      synchronized (this) {
        open.remove(key, window);
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
          LogEvent.of("login_throttled_window_closed")
              .with("address", window.address)
              .with("occurrences", Long.toString(window.occurrences)));
    }
    if (lost > 0) {
      LOG.warning(
          lost
              + " throttled logins were not audited: more than "
              + MAX_OPEN
              + " pairs and addresses were refused at once");
    }
  }

  /** Before the application's beans go away (ServiceStartup): the last counts are written. */
  public void stop() {
    task.stop();
    flush();
  }
}
