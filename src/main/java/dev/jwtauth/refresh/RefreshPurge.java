package dev.jwtauth.refresh;

import dev.jwtauth.config.RefreshSettings;
import dev.jwtauth.revocation.RevocationService;
import dev.jwtauth.throttle.LoginThrottle;
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
 * Deletes expired refresh tokens, expired or revoked sessions, and revocation rows that no longer
 * matter every {@code auth.refresh-token.purge-interval}. Safe on several nodes at once: each run
 * is one idempotent delete transaction.
 */
@ApplicationScoped
public class RefreshPurge {

  private static final Logger LOG = Logger.getLogger(RefreshPurge.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject RefreshTokenStore store;
  @Inject RevocationService revocations;
  @Inject LoginThrottle throttle;
  @Inject RefreshSettings settings;

  private ScheduledFuture<?> schedule;

  public void start() {
    long every = settings.purgeInterval().toMillis();
    schedule =
        scheduler.scheduleWithFixedDelay(this::purgeNow, every, every, TimeUnit.MILLISECONDS);
  }

  public int purgeNow() {
    try {
      int deleted = store.purge() + revocations.purgeDatabase() + throttle.purge();
      LOG.fine(() -> "Purged " + deleted + " expired or revoked refresh tokens and sessions");
      return deleted;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Purging refresh tokens failed; the next run tries again", e);
      return 0;
    }
  }

  @PreDestroy
  void stop() {
    if (schedule != null) {
      schedule.cancel(false);
    }
  }
}
