package dev.jwtauth.sync;

import dev.jwtauth.config.SyncSettings;
import dev.jwtauth.jobs.RepeatingTask;
import dev.jwtauth.metrics.AuthMetrics;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Keeps every node's in-memory state ({@link SharedState}: keys, clients, revocation lists) in step
 * with the shared database by polling it ({@code auth.sync.poll-interval}, 500 ms), so that a
 * change made on one node holds on every node within a second; on PostgreSQL the database also
 * pushes every change as it commits ({@link ChangeListener}, LISTEN/NOTIFY), and the node polls at
 * once. One mechanism for all of it: one poll reads the change feed's versions (one small query),
 * and only the state whose version moved is reloaded; the revocation lists, which change far more
 * often, read their own recent rows. Polling needs nothing but the database the nodes already share
 * (no Hazelcast, no multicast); when the database is down the last known state stays.
 */
@ApplicationScoped
public class SharedStateSync {

  private static final Logger LOG = Logger.getLogger(SharedStateSync.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;
  @Resource ManagedThreadFactory threads;

  @Inject @Any Instance<SharedState> states;
  @Inject ChangeFeed feed;
  @Inject NewTransaction newTransaction;
  @Inject Clock clock;
  @Inject SyncSettings settings;
  @Inject AuthMetrics metrics;
  @Inject Config config;

  private final Map<String, Long> seen = new HashMap<>();
  private volatile List<SharedState> followed = List.of();
  private final RepeatingTask task = new RepeatingTask(this::poll);
  private volatile boolean failing;
  private volatile Instant lastSuccess;
  private volatile ChangeListener listener;

  /** Loads every shared state, then follows the changes. */
  public synchronized void start() {
    followed = states.stream().toList();
    seen.putAll(feed.versions()); // before loading: a change committed in between loads again
    followed.forEach(SharedState::load);
    lastSuccess = clock.instant();
    task.start(scheduler, settings.pollInterval());
    String url = config.getValue("auth.db.url", String.class);
    if (url.startsWith("jdbc:postgresql:")) {
      listener =
          new ChangeListener(
              url,
              config.getValue("auth.db.user", String.class),
              config.getOptionalValue("auth.db.password", String.class).orElse(null),
              this::pushed);
      listener.start(threads);
    }
  }

  /**
   * A change made on this node has committed: its state reloads now, so that this node's next
   * answer shows it (the next token signed with the new key, a new client's first request); the
   * other nodes follow through the feed. A reload that fails here is logged and left to the poll,
   * which sees the version moved; the change itself stands.
   */
  void changedHere(@Observes(during = TransactionPhase.AFTER_SUCCESS) StateChanged change) {
    for (SharedState state : followed) {
      if (change.topic().equals(state.topic())) {
        try {
          newTransaction.run(state::catchUp);
        } catch (RuntimeException e) {
          LOG.log(
              Level.WARNING,
              "Reloading "
                  + state.getClass().getSimpleName()
                  + " after a change failed; the next poll tries again",
              e);
        }
      }
    }
  }

  /** A change pushed by the database: catch up now rather than at the next poll. */
  private void pushed() {
    metrics.changePushed();
    poll();
  }

  /** When the last poll that reached the database ended (for readiness and metrics). */
  public Instant lastSuccess() {
    return lastSuccess;
  }

  synchronized void poll() {
    boolean allCaughtUp = true;
    Map<String, Long> versions;
    try {
      versions = feed.versions();
    } catch (RuntimeException e) {
      report(null, e);
      return;
    }
    for (SharedState state : followed) {
      String topic = state.topic();
      if (topic != null && Objects.equals(versions.get(topic), seen.get(topic))) {
        continue;
      }
      try {
        state.catchUp();
        if (topic != null) {
          seen.put(topic, versions.get(topic));
        }
      } catch (RuntimeException e) {
        // One state failing (say, a key that cannot be decrypted) must not stop the others.
        allCaughtUp = false;
        report(state, e);
      }
    }
    if (allCaughtUp) {
      lastSuccess = clock.instant();
      if (failing) {
        LOG.info("Shared-state polling works again");
        failing = false;
      }
    }
  }

  private void report(SharedState state, RuntimeException e) {
    if (!failing) {
      LOG.log(
          Level.WARNING,
          "Shared-state polling failed"
              + (state == null ? "" : " for " + state.getClass().getSimpleName())
              + "; the state in memory stays as it was",
          e);
      failing = true;
    }
  }

  /** Before the application's beans go away (ServiceStartup); waits for a poll in progress. */
  @PreDestroy
  public void stop() {
    task.stop();
    if (listener != null) {
      try {
        listener.stop();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
