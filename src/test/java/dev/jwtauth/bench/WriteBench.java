package dev.jwtauth.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A harness (not a test, not run by CI): what durable embedded writes cost. Two services on H2
 * files, one as shipped (every commit written at once, {@code WRITE_DELAY=0}) and one with H2's
 * default write delay (500 ms, what the embedded mode had before), each answering task creations
 * ({@code POST /api/tasks}, one transaction each) one at a time. Blocks of requests alternate
 * between the two so the machine's noise hits both alike; per side: the server's process CPU per
 * request (utime + stime from /proc) and the median and 99th percentile latency. Run with {@code
 * scripts/bench.sh writes}; figures go to docs/benchmarks.md.
 *
 * <p>Arguments: durable base URL, its server pid, delayed base URL, its server pid, clock ticks per
 * second. System properties: {@code warmup} (requests per side first, default 2000), {@code rounds}
 * (5), {@code requests} (200 per side per round).
 */
public final class WriteBench {

  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private record Side(String name, URI base, long pid, String token) {}

  public static void main(String[] args) throws Exception {
    WriteBench bench = new WriteBench();
    Side durable = bench.side("durable (WRITE_DELAY=0)", args[0], Long.parseLong(args[1]));
    Side delayed = bench.side("delayed (WRITE_DELAY=500)", args[2], Long.parseLong(args[3]));
    double msPerTick = 1000.0 / Long.parseLong(args[4]);
    int warmup = Integer.getInteger("warmup", 2000);
    int rounds = Integer.getInteger("rounds", 5);
    int requests = Integer.getInteger("requests", 200);
    for (Side side : new Side[] {durable, delayed}) {
      bench.create(side, warmup);
    }
    System.out.printf(
        "%-6s %-26s %18s %14s %14s%n",
        "round", "service", "server CPU/req", "p50 (ms)", "p99 (ms)");
    double[] cpu = new double[2];
    for (int round = 1; round <= rounds; round++) {
      Side[] order = round % 2 == 1 ? new Side[] {durable, delayed} : new Side[] {delayed, durable};
      for (Side side : order) {
        long before = cpuTicks(side.pid());
        long[] nanos = bench.create(side, requests);
        double cpuMs = (cpuTicks(side.pid()) - before) * msPerTick / requests;
        cpu[side == durable ? 0 : 1] += cpuMs;
        Arrays.sort(nanos);
        System.out.printf(
            "%-6d %-26s %15.2f ms %14.2f %14.2f%n",
            round,
            side.name(),
            cpuMs,
            nanos[nanos.length / 2] / 1e6,
            nanos[(int) (nanos.length * 0.99)] / 1e6);
      }
    }
    System.out.printf(
        "%nmean server CPU per task creation: durable %.2f ms, delayed %.2f ms, ratio %.2f%n",
        cpu[0] / rounds, cpu[1] / rounds, cpu[0] / cpu[1]);
  }

  private Side side(String name, String base, long pid) throws Exception {
    HttpResponse<String> login =
        client.send(
            HttpRequest.newBuilder(URI.create(base + "/auth/login"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"alice\",\"password\":\"alice-password\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String body = login.body();
    int start = body.indexOf("\"access_token\":\"") + 16;
    return new Side(name, URI.create(base), pid, body.substring(start, body.indexOf('"', start)));
  }

  private long[] create(Side side, int count) throws Exception {
    long[] nanos = new long[count];
    for (int i = 0; i < count; i++) {
      HttpRequest request =
          HttpRequest.newBuilder(side.base().resolve("/api/tasks"))
              .header("Authorization", "Bearer " + side.token())
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"bench " + i + "\"}"))
              .build();
      long start = System.nanoTime();
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      nanos[i] = System.nanoTime() - start;
      if (response.statusCode() != 201) {
        throw new IllegalStateException(side.name() + " answered " + response.statusCode());
      }
    }
    return nanos;
  }

  private static long cpuTicks(long pid) throws Exception {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }
}
