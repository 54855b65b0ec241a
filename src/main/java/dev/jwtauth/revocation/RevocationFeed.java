package dev.jwtauth.revocation;

import dev.jwtauth.config.RevocationFeedSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The revocation feed ({@code GET /oauth2/revocations}): what was revoked after a cursor, oldest
 * first, so that a guard in another service holds every revocation in memory. A reader with nothing
 * new may wait (long-poll): it is woken the moment a revocation made on this node commits, and
 * looks at the database every {@link #LOOK_INTERVAL} for those of other nodes. No transaction is
 * held while it waits.
 */
@ApplicationScoped
public class RevocationFeed {

  /** The longest a reader may wait for something new. */
  public static final Duration MAX_WAIT = Duration.ofSeconds(30);

  /** How often a waiting reader looks for revocations made on other nodes. */
  static final Duration LOOK_INTERVAL = Duration.ofMillis(250);

  /** Readers waiting at once; more are told to come back (each holds a request thread). */
  static final int MAX_WAITING = 64;

  /** What a read gives: the events, the cursor to read on from, and whether more are waiting. */
  public record Answer(List<FeedEvent> events, FeedCursor cursor, boolean more) {}

  @Inject RevocationFeedStore store;
  @Inject RevocationFeedSettings settings;
  @Inject Clock clock;

  private final Object wakeUp = new Object();
  private long revocationsCommitted;
  private final Semaphore waiting = new Semaphore(MAX_WAITING);

  /**
   * The revocations after the cursor (none: every revocation that still matters), waiting up to
   * {@code wait} for one when there is none yet.
   *
   * @throws CursorExpiredException a cursor older than the retention, or not of this feed
   * @throws FeedBusyException too many readers waiting
   */
  public Answer read(Optional<FeedCursor> cursor, Duration wait) {
    Instant now = clock.instant();
    if (cursor.isPresent() && cursor.get().expired(now, settings.retention())) {
      throw new CursorExpiredException();
    }
    long after = cursor.map(FeedCursor::place).orElse(0L);
    long seen = revocationsCommitted();
    RevocationFeedStore.Page page = look(after, now);
    if (page.lastPlace() == after && after > store.lastPlace()) {
      throw new CursorExpiredException(); // a place this feed never gave: another database's
    }
    if (page.lastPlace() == after && !wait.isZero()) {
      page = waitForMore(after, wait, seen);
    }
    return new Answer(
        page.events(), new FeedCursor(page.lastPlace(), clock.instant()), page.more());
  }

  /** A revocation made on this node has committed: wake the waiting readers. */
  void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) RevocationRecorded event) {
    synchronized (wakeUp) {
      revocationsCommitted++;
      wakeUp.notifyAll();
    }
  }

  private RevocationFeedStore.Page waitForMore(long after, Duration wait, long seen) {
    if (!waiting.tryAcquire()) {
      throw new FeedBusyException();
    }
    try {
      long deadline = System.nanoTime() + wait.toNanos();
      long lastSeen = seen;
      while (true) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return new RevocationFeedStore.Page(List.of(), after, false);
        }
        lastSeen = awaitCommit(lastSeen, Math.min(left, LOOK_INTERVAL.toNanos()));
        RevocationFeedStore.Page page = look(after, clock.instant());
        if (page.lastPlace() != after) {
          return page;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new RevocationFeedStore.Page(List.of(), after, false);
    } finally {
      waiting.release();
    }
  }

  private RevocationFeedStore.Page look(long after, Instant now) {
    store.placePending();
    return store.after(after, now);
  }

  /** Waits until a revocation commits here after {@code seen}, or the time is up. */
  private long awaitCommit(long seen, long nanos) throws InterruptedException {
    synchronized (wakeUp) {
      if (revocationsCommitted == seen) {
        TimeUnit.NANOSECONDS.timedWait(wakeUp, nanos);
      }
      return revocationsCommitted;
    }
  }

  private long revocationsCommitted() {
    synchronized (wakeUp) {
      return revocationsCommitted;
    }
  }
}
