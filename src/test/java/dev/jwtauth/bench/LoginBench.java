package dev.jwtauth.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * A harness (not a test, not run by CI): server CPU per password login next to the CPU of a bare
 * Argon2id hash of the same cost (Bouncy Castle, 19 MiB, 2 passes, 1 lane, as the service's
 * default), measured in the same run. Logins and hashes alternate one by one, so the machine's
 * noise hits both sides alike. Run with {@code scripts/bench.sh login}; figures go to
 * docs/benchmarks.md.
 *
 * <p>Both sides are process CPU (utime + stime from /proc/&lt;pid&gt;/stat, fields 14 and 15): the
 * server's whole JVM around each login, the harness's own JVM around each hash — so garbage
 * collection and compilation count on both sides. The harness's thread CPU per hash is printed too.
 * At the end the harness locks the demo user from its address and measures a refused (429) attempt.
 *
 * <p>Arguments: the service's base URL, the server JVM's pid, clock ticks per second. System
 * properties: {@code warmup} (logins before measuring, default 6000: the server's JIT needs that
 * many to settle), {@code rounds} (5), {@code pairs} (60 logins and 60 hashes per round).
 */
public final class LoginBench {

  private static final String USER = "alice";
  private static final String PASSWORD = "alice-password";

  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final URI login;
  private final long serverPid;
  private final double msPerTick;
  private final long selfPid = ProcessHandle.current().pid();
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

  private LoginBench(URI login, long serverPid, long ticksPerSecond) {
    this.login = login;
    this.serverPid = serverPid;
    this.msPerTick = 1000.0 / ticksPerSecond;
  }

  public static void main(String[] args) throws Exception {
    new LoginBench(
            URI.create(args[0] + "/auth/login"),
            Long.parseLong(args[1]),
            Long.parseLong(args.length > 2 ? args[2] : "100"))
        .run(
            Integer.getInteger("warmup", 6000),
            Integer.getInteger("rounds", 5),
            Integer.getInteger("pairs", 60));
  }

  private void run(int warmup, int rounds, int pairs) throws Exception {
    warmUp(warmup);
    Map<String, Long> threadsBefore = threadTicks(serverPid);
    double loginTotal = 0;
    double hashTotal = 0;
    System.out.printf(
        "%-6s %24s %24s %24s %8s%n",
        "round",
        "server CPU/login (ms)",
        "bare hash, process (ms)",
        "bare hash, thread (ms)",
        "ratio");
    for (int round = 1; round <= rounds; round++) {
      long loginTicks = 0;
      long hashTicks = 0;
      long hashNanos = 0;
      for (int i = 0; i < pairs; i++) {
        long server = cpuTicks(serverPid);
        login(PASSWORD, 200);
        loginTicks += cpuTicks(serverPid) - server;

        long self = cpuTicks(selfPid);
        long thread = threads.getCurrentThreadCpuTime();
        bareHash();
        hashNanos += threads.getCurrentThreadCpuTime() - thread;
        hashTicks += cpuTicks(selfPid) - self;
      }
      double loginMs = loginTicks * msPerTick / pairs;
      double hashMs = hashTicks * msPerTick / pairs;
      loginTotal += loginMs;
      hashTotal += hashMs;
      System.out.printf(
          "%-6d %24.1f %24.1f %24.1f %8.2f%n",
          round, loginMs, hashMs, hashNanos / 1e6 / pairs, loginMs / hashMs);
    }
    System.out.printf(
        "%-6s %24.1f %24.1f %24s %8.2f%n",
        "mean", loginTotal / rounds, hashTotal / rounds, "", loginTotal / hashTotal);

    System.out.println("\nserver CPU per login by thread (ms), over all rounds:");
    Map<String, Long> threadsAfter = threadTicks(serverPid);
    threadsAfter.forEach(
        (name, ticks) -> {
          long spent = ticks - threadsBefore.getOrDefault(name, 0L);
          if (spent > 0) {
            System.out.printf("  %-24s %6.1f%n", name, spent * msPerTick / (rounds * pairs));
          }
        });

    lockedAttempts(200);
  }

  /** Both JITs and the server's pools and caches; logins from two threads to get there sooner. */
  private void warmUp(int logins) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> a = pool.submit(() -> loginMany(logins / 2));
      Future<?> b = pool.submit(() -> loginMany(logins - logins / 2));
      for (int i = 0; i < 200; i++) {
        bareHash();
      }
      a.get();
      b.get();
    } finally {
      pool.shutdown();
    }
  }

  private Void loginMany(int count) throws Exception {
    for (int i = 0; i < count; i++) {
      login(PASSWORD, 200);
    }
    return null;
  }

  /**
   * Locks the demo user from this address with wrong passwords, then measures attempts with the
   * right one, each refused before any hash.
   */
  private void lockedAttempts(int attempts) throws Exception {
    int failures = 0;
    while (login("not-" + PASSWORD, 401, 429) == 401) {
      failures++;
    }
    long before = cpuTicks(serverPid);
    for (int i = 0; i < attempts; i++) {
      login(PASSWORD, 429);
    }
    System.out.printf(
        "%nlocked out after %d failures; server CPU per refused (429) attempt: %.2f ms%n",
        failures, (cpuTicks(serverPid) - before) * msPerTick / attempts);
  }

  private int login(String password, int... expected) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(login)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"username\":\"" + USER + "\",\"password\":\"" + password + "\"}"))
            .build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    for (int status : expected) {
      if (response.statusCode() == status) {
        return status;
      }
    }
    throw new IllegalStateException(
        "login answered " + response.statusCode() + ": " + response.body());
  }

  private static final byte[] SALT = "sixteen-byte-slt".getBytes(StandardCharsets.US_ASCII);

  private static void bareHash() {
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(19 * 1024)
            .withIterations(2)
            .withParallelism(1)
            .withSalt(SALT)
            .build());
    generator.generateBytes(PASSWORD.toCharArray(), new byte[32]);
  }

  /** utime + stime of the process, in clock ticks. */
  private static long cpuTicks(long pid) throws Exception {
    return ticks(Files.readString(Path.of("/proc/" + pid + "/stat")));
  }

  /** utime + stime per thread name (digits folded, so pools add up), in clock ticks. */
  private static Map<String, Long> threadTicks(long pid) throws Exception {
    Map<String, Long> byName = new TreeMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        String stat;
        try {
          stat = Files.readString(task.resolve("stat"));
        } catch (NoSuchFileException ended) {
          continue;
        }
        String name =
            stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("\\d+", "#");
        byName.merge(name, ticks(stat), Long::sum);
      }
    }
    return byName;
  }

  private static long ticks(String stat) {
    // after "pid (comm) " the state is field 3, so utime (14) and stime (15) are at 11 and 12
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }
}
