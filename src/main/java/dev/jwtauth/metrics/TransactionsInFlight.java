package dev.jwtauth.metrics;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Transactional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts this node's transactions in progress, the measure of connection-pool use that is the same
 * on every server: each transaction holds at most one pooled connection. Runs just outside the
 * container's transaction interceptor ({@code PLATFORM_BEFORE + 200}) on every {@code
 * Transactional} (REQUIRED) method, and counts only the outermost call of a thread.
 */
@Transactional
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 199)
public class TransactionsInFlight {

  private static final AtomicInteger IN_FLIGHT = new AtomicInteger();
  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

  /** Transactions in progress now. */
  public static int count() {
    return IN_FLIGHT.get();
  }

  @AroundInvoke
  public Object count(InvocationContext invocation) throws Exception {
    int[] depth = DEPTH.get();
    if (depth[0]++ == 0) {
      IN_FLIGHT.incrementAndGet();
    }
    try {
      return invocation.proceed();
    } finally {
      if (--depth[0] == 0) {
        IN_FLIGHT.decrementAndGet();
      }
    }
  }
}
