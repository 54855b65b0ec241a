package dev.jwtauth.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A stopped task never runs again, and stop returns only after a run in progress has ended. */
class RepeatingTaskTest {

  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);

  @AfterEach
  void shutdown() {
    scheduler.shutdownNow();
  }

  @Test
  void stopWaitsForTheRunInProgress() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean finished = new AtomicBoolean();
    RepeatingTask task =
        new RepeatingTask(
            () -> {
              running.countDown();
              try {
                release.await(5, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              finished.set(true);
            });
    task.start(scheduler, Duration.ofMillis(10));
    assertTrue(running.await(5, TimeUnit.SECONDS));
    Thread stopper = new Thread(task::stop);
    stopper.start();
    stopper.join(200);
    assertTrue(stopper.isAlive(), "stop waits while the run goes on");
    release.countDown();
    stopper.join(5000);
    assertFalse(stopper.isAlive());
    assertTrue(finished.get(), "stop returned after the run ended");
  }

  @Test
  void noRunStartsAfterStop() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    RepeatingTask task = new RepeatingTask(runs::incrementAndGet);
    task.start(scheduler, Duration.ofMillis(5));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (runs.get() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    assertTrue(runs.get() > 0, "it ran");
    task.stop();
    int atStop = runs.get();
    Thread.sleep(50); // several periods: a run would have happened by now
    assertEquals(atStop, runs.get());
  }

  @Test
  void aTaskStoppedBeforeItStartedNeverRuns() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    RepeatingTask task = new RepeatingTask(runs::incrementAndGet);
    task.stop();
    task.start(scheduler, Duration.ofMillis(5));
    Thread.sleep(50);
    assertEquals(0, runs.get());
  }
}
