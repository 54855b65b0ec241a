package dev.jwtauth.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jwtauth.metrics.AuthMetrics.RefreshOutcome;
import org.junit.jupiter.api.Test;

/** Every refused decision has its refusal; the metric counts replays and expiry apart. */
class RefreshRefusalTest {

  @Test
  void everyDecisionThatFailsIsARefusal() {
    for (RefreshDecision decision : RefreshDecision.values()) {
      if (decision.succeeds()) {
        assertThrows(IllegalArgumentException.class, () -> RefreshRefusal.of(decision));
      } else {
        RefreshRefusal refusal = RefreshRefusal.of(decision);
        assertEquals(
            decision == RefreshDecision.REUSE_DETECTED ? "reused" : decision.name().toLowerCase(),
            refusal.code());
      }
    }
  }

  @Test
  void outcomesCountReplaysAndExpiryApart() {
    assertEquals(RefreshOutcome.REUSE_DETECTED, RefreshRefusal.REUSED.outcome());
    assertEquals(RefreshOutcome.EXPIRED, RefreshRefusal.IDLE_EXPIRED.outcome());
    assertEquals(RefreshOutcome.EXPIRED, RefreshRefusal.SESSION_EXPIRED.outcome());
    assertEquals(RefreshOutcome.INVALID, RefreshRefusal.CONCURRENT_REFRESH.outcome());
    assertEquals(RefreshOutcome.INVALID, RefreshRefusal.UNKNOWN.outcome());
  }
}
