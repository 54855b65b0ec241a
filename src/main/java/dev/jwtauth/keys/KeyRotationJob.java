package dev.jwtauth.keys;

import dev.jwtauth.config.KeySettings;
import dev.jwtauth.jobs.RepeatingTask;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the rotation schedule on every node, every second: the decision is made from the keys in
 * memory (no query while nothing is due); when something is due, {@link
 * KeyLifecycle#advanceSchedule} decides again under the database lock, so the nodes act once.
 */
@ApplicationScoped
public class KeyRotationJob {

  private static final Logger LOG = Logger.getLogger(KeyRotationJob.class.getName());
  static final long CHECK_MILLIS = 1000;

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject KeyRing ring;
  @Inject KeyLifecycle keys;
  @Inject KeySettings settings;
  @Inject Clock clock;

  private final RepeatingTask task = new RepeatingTask(this::check);
  private volatile boolean failing;

  public void start() {
    task.start(scheduler, Duration.ofMillis(CHECK_MILLIS));
  }

  private void check() {
    try {
      boolean due =
          !KeySchedule.due(
                  ring.states(),
                  clock.instant(),
                  settings.rotationInterval(),
                  settings.jwksMaxAge())
              .isEmpty();
      if (due) {
        keys.advanceSchedule(); // reloaded on every node by the change feed
      }
      if (failing) {
        LOG.info("The key rotation schedule runs again");
        failing = false;
      }
    } catch (RuntimeException e) {
      if (!failing) {
        LOG.log(Level.WARNING, "The key rotation schedule failed; it is tried again", e);
        failing = true;
      }
    }
  }

  /** Before the application's beans go away (ServiceStartup); waits for a check in progress. */
  @PreDestroy
  public void stop() {
    task.stop();
  }
}
