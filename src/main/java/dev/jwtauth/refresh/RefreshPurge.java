package dev.jwtauth.refresh;

import dev.jwtauth.audit.AuditLog;
import dev.jwtauth.config.OperationsSettings;
import dev.jwtauth.config.RefreshSettings;
import dev.jwtauth.jobs.RepeatingTask;
import dev.jwtauth.revocation.RevocationService;
import dev.jwtauth.sso.AuthorizationCodes;
import dev.jwtauth.sso.BrowserSessions;
import dev.jwtauth.throttle.LoginThrottle;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deletes expired refresh tokens, expired or revoked sessions and browser sessions, old
 * authorization codes, revocation rows that no longer matter, and audit rows older than {@code
 * auth.audit.retention}, every {@code auth.refresh-token.purge-interval}. Safe on several nodes at
 * once: each run is one idempotent delete transaction.
 */
@ApplicationScoped
public class RefreshPurge {

  private static final Logger LOG = Logger.getLogger(RefreshPurge.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject RefreshTokenStore store;
  @Inject BrowserSessions browserSessions;
  @Inject AuthorizationCodes codes;
  @Inject RevocationService revocations;
  @Inject LoginThrottle throttle;
  @Inject RefreshSettings settings;
  @Inject OperationsSettings operations;
  @Inject AuditLog audit;
  @Inject Clock clock;

  private final RepeatingTask task = new RepeatingTask(this::purgeNow);

  public void start() {
    task.start(scheduler, settings.purgeInterval());
  }

  public int purgeNow() {
    try {
      int deleted =
          store.purge()
              + browserSessions.purge()
              + codes.purge()
              + revocations.purgeDatabase()
              + throttle.purge();
      int audited = audit.purgeBefore(clock.instant().minus(operations.auditRetention()));
      LOG.fine(
          () ->
              "Purged "
                  + deleted
                  + " expired or revoked rows and "
                  + audited
                  + " audit rows past auth.audit.retention");
      return deleted + audited;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Purging refresh tokens failed; the next run tries again", e);
      return 0;
    }
  }

  /** Before the application's beans go away (ServiceStartup); waits for a purge in progress. */
  @PreDestroy
  public void stop() {
    task.stop();
  }
}
