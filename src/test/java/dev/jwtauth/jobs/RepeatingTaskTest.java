package dev.jwtauth.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A stopped task never runs again, and stop returns only after a run in progress has ended. */
class RepeatingTaskTest {

  private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(2);

  /** A cancelled schedule leaves the queue: an empty queue means no run can come any more. */
  @BeforeEach
  void removeCancelledSchedules() {
    scheduler.setRemoveOnCancelPolicy(true);
  }

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
    // stop waits on the task's monitor while the run goes on: seen as the thread's state, not a
    // delay.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (stopper.getState() != Thread.State.BLOCKED && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertEquals(Thread.State.BLOCKED, stopper.getState(), "stop waits while the run goes on");
    assertFalse(finished.get());
    release.countDown();
    stopper.join(5000);
    assertFalse(stopper.isAlive());
    assertTrue(finished.get(), "stop returned after the run ended");
  }

  @Test
  void noRunStartsAfterStop() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch ran = new CountDownLatch(1);
    RepeatingTask task =
        new RepeatingTask(
            () -> {
              runs.incrementAndGet();
              ran.countDown();
            });
    task.start(scheduler, Duration.ofMillis(5));
    assertTrue(ran.await(5, TimeUnit.SECONDS), "it ran");
    task.stop();
    int atStop = runs.get();
    assertTrue(scheduler.getQueue().isEmpty(), "nothing left scheduled");
    assertEquals(atStop, runs.get());
  }

  @Test
  void aTaskStoppedBeforeItStartedNeverRuns() {
    AtomicInteger runs = new AtomicInteger();
    RepeatingTask task = new RepeatingTask(runs::incrementAndGet);
    task.stop();
    task.start(scheduler, Duration.ofMillis(5));
    assertTrue(scheduler.getQueue().isEmpty(), "never scheduled");
    assertEquals(0, runs.get());
  }
}
