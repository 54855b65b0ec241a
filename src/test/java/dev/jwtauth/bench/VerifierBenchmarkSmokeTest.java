package dev.jwtauth.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Keeps the JMH harness compiling and running (one 100-ms iteration each; no figure checked). */
class VerifierBenchmarkSmokeTest {

  @Test
  void everyBenchmarkRuns() throws Exception {
    Map<String, Double> micros = VerifierBench.run(true);
    assertEquals(Set.of("uncached", "cached", "bareNimbus", "bareJca"), micros.keySet());
  }
}
