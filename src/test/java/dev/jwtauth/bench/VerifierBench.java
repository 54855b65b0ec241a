package dev.jwtauth.bench;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link VerifierBenchmark} with JMH and prints the ratios docs/benchmarks.md reports: cached
 * check ≤ 2 µs, uncached ≤ 1.25 × the bare Nimbus verification. With {@code -Dsmoke=true}: one
 * short iteration in this JVM (keeps the harness working; the figures mean nothing).
 */
public final class VerifierBench {

  public static void main(String[] args) throws Exception {
    Map<String, Double> micros = run(Boolean.getBoolean("smoke"));
    double uncached = micros.get("uncached");
    double nimbus = micros.get("bareNimbus");
    System.out.printf("%n%-34s %10s%n", "bearer check (JMH, µs/op)", "µs");
    micros.forEach((name, value) -> System.out.printf("%-34s %10.3f%n", name, value));
    System.out.printf(
        "%ncached check: %.3f µs (target ≤ 2 µs)%n"
            + "uncached / bare Nimbus RS256: %.2f (target ≤ 1.25)%n"
            + "uncached / bare JCA RS256:    %.2f%n",
        micros.get("cached"), uncached / nimbus, uncached / micros.get("bareJca"));
  }

  /** Benchmark name → average µs per operation. */
  static Map<String, Double> run(boolean smoke) throws Exception {
    ChainedOptionsBuilder options =
        new OptionsBuilder().include(VerifierBenchmark.class.getName() + "\\.");
    if (smoke) {
      options
          .forks(0)
          .warmupIterations(0)
          .measurementIterations(1)
          .measurementTime(TimeValue.milliseconds(100));
    } else {
      options
          .forks(2)
          .warmupIterations(4)
          .warmupTime(TimeValue.seconds(2))
          .measurementIterations(5)
          .measurementTime(TimeValue.seconds(2))
          .jvmArgs("-Xms1g", "-Xmx1g");
    }
    Collection<RunResult> results = new Runner(options.build()).run();
    Map<String, Double> micros = new LinkedHashMap<>();
    for (RunResult result : results) {
      String label = result.getParams().getBenchmark();
      micros.put(label.substring(label.lastIndexOf('.') + 1), result.getPrimaryResult().getScore());
    }
    return micros;
  }

  private VerifierBench() {}
}
