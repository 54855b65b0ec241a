package dev.jwtauth.bench;

import dev.jwtauth.users.Argon2idPasswordHash;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A harness (not a test, not run by CI): server CPU per password login next to the CPU of a bare
 * Argon2id hash of the same cost, measured in the same run and interleaved, so that the machine's
 * noise hits both sides. Run with {@code scripts/bench.sh login}; figures go to docs/benchmarks.md.
 *
 * <p>Arguments: the service's base URL and the server JVM's pid (CPU from /proc/&lt;pid&gt;/stat,
 * fields 14 and 15).
 */
public final class LoginBench {

  private static final int ROUNDS = 5;
  private static final int LOGINS_PER_ROUND = 40;
  private static final int HASHES_PER_ROUND = 40;

  public static void main(String[] args) throws Exception {
    URI login = URI.create(args[0] + "/auth/login");
    long pid = Long.parseLong(args[1]);
    long ticksPerSecond = Long.parseLong(args.length > 2 ? args[2] : "100");
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    Argon2idPasswordHash argon2 =
        new Argon2idPasswordHash(); // OWASP cost, as the service's default
    String stored = argon2.generate("alice-password".toCharArray());
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    // Warm-up: both JITs, the server's pool and caches.
    runLogins(client, login, 30);
    for (int i = 0; i < 30; i++) {
      argon2.verify("alice-password".toCharArray(), stored);
    }

    double loginTotal = 0;
    double hashTotal = 0;
    System.out.printf(
        "%-6s %22s %22s %8s%n", "round", "server CPU/login (ms)", "bare hash CPU (ms)", "ratio");
    for (int round = 1; round <= ROUNDS; round++) {
      long before = cpuTicks(pid);
      runLogins(client, login, LOGINS_PER_ROUND);
      double loginMs = (cpuTicks(pid) - before) * 1000.0 / ticksPerSecond / LOGINS_PER_ROUND;

      long start = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < HASHES_PER_ROUND; i++) {
        argon2.verify("alice-password".toCharArray(), stored);
      }
      double hashMs = (threads.getCurrentThreadCpuTime() - start) / 1e6 / HASHES_PER_ROUND;
      loginTotal += loginMs;
      hashTotal += hashMs;
      System.out.printf("%-6d %22.1f %22.1f %8.2f%n", round, loginMs, hashMs, loginMs / hashMs);
    }
    System.out.printf(
        "%-6s %22.1f %22.1f %8.2f%n",
        "mean", loginTotal / ROUNDS, hashTotal / ROUNDS, loginTotal / hashTotal);
  }

  private static void runLogins(HttpClient client, URI login, int count) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(login)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"username\":\"alice\",\"password\":\"alice-password\"}"))
            .build();
    for (int i = 0; i < count; i++) {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "login answered " + response.statusCode() + ": " + response.body());
      }
    }
  }

  /** utime + stime of the process, in clock ticks. */
  private static long cpuTicks(long pid) throws Exception {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    // fields after "pid (comm) ": state is field 3, so utime (14) and stime (15) are at 11 and 12
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }
}
