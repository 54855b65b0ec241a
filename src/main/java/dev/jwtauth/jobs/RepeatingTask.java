package dev.jwtauth.jobs;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A task every node repeats on the server's managed scheduler ({@code
 * ManagedScheduledExecutorService}) (the shared-state poll, the key rotation check, the purge),
 * which {@link #stop} ends for good: no run starts after it, and it returns only when a run in
 * progress has finished.
 *
 * <p>Why stop waits: the scheduler's threads belong to the server, not to the application. A run
 * still going while the application undeploys meets beans already destroyed half-way through its
 * transaction; on WildFly that transaction then stays tied to the scheduler's thread with its
 * pooled connection (seen as one connection fewer in the pool after a redeploy).
 */
public final class RepeatingTask {

  private final Runnable task;
  private ScheduledFuture<?> schedule;
  private boolean stopped;

  public RepeatingTask(Runnable task) {
    this.task = task;
  }

  /** Runs the task every {@code every}, first after one period. */
  public synchronized void start(ScheduledExecutorService scheduler, Duration every) {
    if (stopped || schedule != null) {
      return;
    }
    long millis = every.toMillis();
    schedule =
        scheduler.scheduleWithFixedDelay(this::runOnce, millis, millis, TimeUnit.MILLISECONDS);
  }

  private synchronized void runOnce() {
    if (!stopped) {
      task.run();
    }
  }

  /** Cancels the schedule; waits for a run in progress (the monitor is held while one runs). */
  public synchronized void stop() {
    stopped = true;
    if (schedule != null) {
      schedule.cancel(false);
    }
  }
}
