package dev.jwtauth.revocation;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps this node's revocation list in step with the database every 500 ms, so a revocation made on
 * another node holds here within a second. Polling the shared table needs nothing but the database
 * the nodes already share (no Hazelcast, no multicast); when the database is down the last known
 * list stays.
 */
@ApplicationScoped
public class RevocationSync {

  private static final Logger LOG = Logger.getLogger(RevocationSync.class.getName());
  static final long POLL_MILLIS = 500;

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject RevocationService revocations;

  private ScheduledFuture<?> schedule;
  private volatile boolean failing;

  public void start() {
    revocations.loadAll();
    schedule =
        scheduler.scheduleWithFixedDelay(
            this::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
  }

  private void poll() {
    try {
      revocations.pollRecent();
      if (failing) {
        LOG.info("Revocation polling works again");
        failing = false;
      }
    } catch (RuntimeException e) {
      if (!failing) {
        LOG.log(Level.WARNING, "Revocation polling failed; the list in memory stays as it was", e);
        failing = true;
      }
    }
  }

  @PreDestroy
  void stop() {
    if (schedule != null) {
      schedule.cancel(false);
    }
  }
}
