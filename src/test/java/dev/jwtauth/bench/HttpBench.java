package dev.jwtauth.bench;

import dev.jwtauth.it.Http;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP side of the benchmark harness: server CPU per request (utime + stime of the server JVM
 * from /proc, over a wrk run) for the protected {@code GET /api/me}, its unprotected twin, the same
 * resource behind Payara's stock MP-JWT (another JVM), refresh, introspection, JWKS and login.
 * Every scenario runs once to warm up, then the scenarios take turns for several rounds, so that
 * the machine's noise falls on all of them alike; the table shows each round and the median.
 *
 * <p>Arguments: the service's base URL and pid, the stock resource server's base URL and pid, clock
 * ticks per second; with two more, the example's base URL and pid (examples/notes, the guard
 * library in another WAR), only the bearer checks are measured: {@code GET /notes} with the guard
 * against the same resource behind stock MP-JWT (the stock server's {@code /stock-notes}), beside
 * {@code /api/me} against its stock twin. System properties: {@code seconds} (per run, 10), {@code
 * warmups} (passes over every scenario before measuring, 2), {@code warmupSeconds} (per warm-up
 * run, 20), {@code stockWarmupSeconds} (the reference server's own warm-up first, 120), {@code
 * rounds} (5), {@code connections} (16).
 */
public final class HttpBench {

  private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
  private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors: (.*)");
  private static final Path DIR = Path.of("target/bench");
  private static final String OUR_ME = "GET /api/me (our bearer check)";
  private static final String STOCK_ME = "GET /api/me (stock Payara MP-JWT)";
  private static final String GUARD_NOTES = "GET /notes (the guard, example)";
  private static final String STOCK_NOTES = "GET /notes (stock Payara MP-JWT)";
  private static final String TWIN_NOTES = "GET /bench/notes (unprotected twin)";
  private static final String OUR_TWIN = "GET /bench/me (unprotected twin)";

  private final String service;
  private final long servicePid;
  private final String stock;
  private final long stockPid;
  private final long clockTicks;
  private final Http http;
  private final String example;
  private final long examplePid;
  private final int seconds = Integer.getInteger("seconds", 10);
  private final int connections = Integer.getInteger("connections", 16);

  /** A wrk run: where it goes, whose CPU counts, and how to make its requests. */
  private record Scenario(
      String name, long pid, String url, int threads, int connections, ScriptMaker script) {}

  @FunctionalInterface
  private interface ScriptMaker {
    /** The wrk arguments for one run (fresh tokens where a run needs them). */
    List<String> arguments() throws Exception;
  }

  private HttpBench(String[] args) throws Exception {
    service = args[0];
    servicePid = Long.parseLong(args[1]);
    stock = args[2];
    stockPid = Long.parseLong(args[3]);
    clockTicks = Long.parseLong(args[4]);
    example = args.length > 5 ? args[5] : null;
    examplePid = args.length > 6 ? Long.parseLong(args[6]) : -1;
    http = new Http(new URL(service + "/"));
  }

  public static void main(String[] args) throws Exception {
    new HttpBench(args).run(Integer.getInteger("rounds", 5));
  }

  private void run(int rounds) throws Exception {
    String access = http.login("alice", "alice-password");
    String bearer = "Authorization: Bearer " + access;
    String demoService =
        "Authorization: Basic "
            + Base64.getEncoder()
                .encodeToString(
                    "demo-service:demo-service-secret".getBytes(StandardCharsets.UTF_8));
    Files.createDirectories(DIR);
    Path introspect =
        script(
            "introspect.lua",
            "wrk.method = \"POST\"\n"
                + "wrk.body = \"token="
                + access
                + "\"\n"
                + "wrk.headers[\"Content-Type\"] = \"application/x-www-form-urlencoded\"\n");
    Path login =
        script(
            "login.lua",
            "wrk.method = \"POST\"\n"
                + "wrk.body = '{\"username\":\"alice\",\"password\":\"alice-password\"}'\n"
                + "wrk.headers[\"Content-Type\"] = \"application/json\"\n");
    int refreshers = 4; // one connection per wrk thread: each follows its own rotation chain
    Scenario stockMe =
        new Scenario(
            STOCK_ME, stockPid, stock + "/api/me", 2, connections, () -> List.of("-H", bearer));
    List<Scenario> scenarios =
        example != null
            ? List.of(
                new Scenario(
                    OUR_ME,
                    servicePid,
                    service + "/api/me",
                    2,
                    connections,
                    () -> List.of("-H", bearer)),
                stockMe,
                new Scenario(
                    GUARD_NOTES,
                    examplePid,
                    example + "/notes",
                    2,
                    connections,
                    () -> List.of("-H", bearer)),
                new Scenario(
                    TWIN_NOTES, examplePid, example + "/bench/notes", 2, connections, List::of),
                new Scenario(OUR_TWIN, servicePid, service + "/bench/me", 2, connections, List::of),
                new Scenario(
                    STOCK_NOTES,
                    stockPid,
                    stock + "/stock-notes/notes",
                    2,
                    connections,
                    () -> List.of("-H", bearer)))
            : List.of(
                new Scenario(
                    "GET /api/me (our bearer check)",
                    servicePid,
                    service + "/api/me",
                    2,
                    connections,
                    () -> List.of("-H", bearer)),
                new Scenario(
                    "GET /bench/me (unprotected twin)",
                    servicePid,
                    service + "/bench/me",
                    2,
                    connections,
                    List::of),
                stockMe,
                new Scenario(
                    "POST /auth/refresh (rotation)",
                    servicePid,
                    service + "/auth/refresh",
                    refreshers,
                    refreshers,
                    () -> List.of("-s", refreshScript(refreshers).toString())),
                new Scenario(
                    "POST /oauth2/introspect",
                    servicePid,
                    service + "/oauth2/introspect",
                    2,
                    connections,
                    () -> List.of("-H", demoService, "-s", introspect.toString())),
                new Scenario(
                    "GET /.well-known/jwks.json",
                    servicePid,
                    service + "/.well-known/jwks.json",
                    2,
                    connections,
                    List::of),
                new Scenario(
                    "POST /auth/login",
                    servicePid,
                    service + "/auth/login",
                    2,
                    2,
                    () -> List.of("-s", login.toString())));

    System.out.printf(
        "wrk %d s per run, %d connections (refresh: %d, login: 2), %d rounds after %d warm-up passes%n",
        seconds, connections, refreshers, rounds, Integer.getInteger("warmups", 2));
    // The reference server gets only its own scenario's load: warm it up longer first.
    measure(stockMe, Integer.getInteger("stockWarmupSeconds", 120));
    for (int pass = 0; pass < Integer.getInteger("warmups", 2); pass++) {
      for (Scenario scenario : scenarios) {
        // Warm-up: Payara's JIT needs about a minute of load before the figures settle.
        measure(scenario, Integer.getInteger("warmupSeconds", 20));
      }
    }
    Map<String, List<Double>> cpu = new LinkedHashMap<>();
    for (int round = 1; round <= rounds; round++) {
      for (Scenario scenario : scenarios) {
        cpu.computeIfAbsent(scenario.name(), k -> new ArrayList<>()).add(measure(scenario));
      }
    }
    if (example != null) {
      printGuard(cpu);
    } else {
      print(cpu);
    }
  }

  /** Server CPU milliseconds per request over one wrk run. */
  private double measure(Scenario scenario) throws Exception {
    return measure(scenario, seconds);
  }

  private double measure(Scenario scenario, int seconds) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                "wrk",
                "-t" + scenario.threads(),
                "-c" + scenario.connections(),
                "-d" + seconds + "s",
                "--latency"));
    command.addAll(scenario.script().arguments());
    command.add(scenario.url());
    long before = cpuTicks(scenario.pid());
    Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (wrk.waitFor() != 0) {
      throw new IllegalStateException("wrk failed: " + output);
    }
    long after = cpuTicks(scenario.pid());
    long requests = number(REQUESTS, output);
    Matcher failed = NON_2XX.matcher(output);
    Matcher socket = SOCKET_ERRORS.matcher(output);
    if (failed.find() || socket.find() || requests == 0) {
      throw new IllegalStateException(scenario.name() + ": not every request succeeded\n" + output);
    }
    return (after - before) * 1000.0 / clockTicks / requests;
  }

  private void print(Map<String, List<Double>> cpu) {
    Map<String, Double> median = printTable(cpu);
    double me = median.get(OUR_ME);
    // Each round's ratio too: the scenarios of a round ran one after the other, under the same
    // noise.
    double twinRatio =
        medianOfRatios(
            cpu.get("GET /api/me (our bearer check)"), cpu.get("GET /bench/me (unprotected twin)"));
    double stockRatio =
        medianOfRatios(
            cpu.get("GET /api/me (our bearer check)"),
            cpu.get("GET /api/me (stock Payara MP-JWT)"));
    System.out.printf(
        "%nratios: of medians, and the median of each round's ratio%n"
            + "  /api/me / unprotected twin:   %.2f, %.2f  (≤ 1.15)%n"
            + "  /api/me / stock MP-JWT:       %.2f, %.2f  (≤ 0.35)%n"
            + "  refresh:       %.3f ms = %.2f × 10 ms      (≤ 0.5)%n"
            + "  introspection: %.3f ms = %.2f × 1.8 ms     (≤ 0.4)%n"
            + "  JWKS:          %.3f ms = %.2f × 0.6–1.0 ms (≤ 0.4: ≤ 0.24 ms)%n",
        me / median.get("GET /bench/me (unprotected twin)"),
        twinRatio,
        me / median.get("GET /api/me (stock Payara MP-JWT)"),
        stockRatio,
        median.get("POST /auth/refresh (rotation)"),
        median.get("POST /auth/refresh (rotation)") / 10,
        median.get("POST /oauth2/introspect"),
        median.get("POST /oauth2/introspect") / 1.8,
        median.get("GET /.well-known/jwks.json"),
        median.get("GET /.well-known/jwks.json") / 0.6);
  }

  /** Each scenario's rounds and median; the medians. */
  private static Map<String, Double> printTable(Map<String, List<Double>> cpu) {
    System.out.printf("%n%-36s %-28s %10s%n", "request", "server CPU per request (ms)", "median");
    Map<String, Double> median = new LinkedHashMap<>();
    cpu.forEach(
        (name, values) -> {
          List<Double> sorted = values.stream().sorted().toList();
          double mid = sorted.get(sorted.size() / 2);
          median.put(name, mid);
          StringBuilder rounds = new StringBuilder();
          values.forEach(v -> rounds.append(String.format("%.3f ", v)));
          System.out.printf("%-36s %-28s %10.3f%n", name, rounds.toString().trim(), mid);
        });
    return median;
  }

  private void printGuard(Map<String, List<Double>> cpu) {
    Map<String, Double> median = printTable(cpu);
    double serviceTwin = medianOfRatios(cpu.get(OUR_ME), cpu.get(OUR_TWIN));
    double guardTwin = medianOfRatios(cpu.get(GUARD_NOTES), cpu.get(TWIN_NOTES));
    System.out.printf(
        "%nthe median of each round's ratio%n"
            + "  /api/me with the service's check / stock MP-JWT:       %.2f%n"
            + "  /notes with the guard (example) / the same under stock: %.2f%n"
            + "  /api/me / its unprotected twin: %.2f;  /notes / its twin: %.2f  (guard/service %.2f, ≤ 1)%n"
            + "saved against stock per request (medians): service %.3f ms, example %.3f ms%n",
        medianOfRatios(cpu.get(OUR_ME), cpu.get(STOCK_ME)),
        medianOfRatios(cpu.get(GUARD_NOTES), cpu.get(STOCK_NOTES)),
        serviceTwin,
        guardTwin,
        guardTwin / serviceTwin,
        median.get(STOCK_ME) - median.get(OUR_ME),
        median.get(STOCK_NOTES) - median.get(GUARD_NOTES));
  }

  private static double medianOfRatios(List<Double> top, List<Double> bottom) {
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < top.size(); i++) {
      ratios.add(top.get(i) / bottom.get(i));
    }
    return ratios.stream().sorted().toList().get(ratios.size() / 2);
  }

  /** A wrk script in which each thread rotates its own session's refresh token, one at a time. */
  private Path refreshScript(int threads) throws IOException {
    StringBuilder tokens = new StringBuilder();
    for (int i = 0; i < threads; i++) {
      String token =
          Http.json(http.postJson("auth/login", credentials())).getString("refresh_token");
      tokens.append(i == 0 ? "" : ", ").append('"').append(token).append('"');
    }
    return script(
        "refresh.lua",
        "local tokens = {"
            + tokens
            + "}\n"
            + "local handed = 0\n"
            + "function setup(thread)\n"
            + "  handed = handed + 1\n"
            + "  thread:set(\"rt\", tokens[handed])\n"
            + "end\n"
            + "function request()\n"
            + "  return wrk.format(\"POST\", nil, {[\"Content-Type\"] = \"application/json\"},\n"
            + "    '{\"refresh_token\":\"' .. rt .. '\"}')\n"
            + "end\n"
            + "function response(status, headers, body)\n"
            + "  if status == 200 then rt = string.match(body, '\"refresh_token\":\"([^\"]+)\"') end\n"
            + "end\n");
  }

  private static String credentials() {
    return "{\"username\":\"alice\",\"password\":\"alice-password\"}";
  }

  private static Path script(String name, String text) throws IOException {
    return Files.writeString(DIR.resolve(name), text);
  }

  private static long number(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
  }

  private static long cpuTicks(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    // after "pid (comm) " the state is field 3, so utime (14) and stime (15) are at 11 and 12
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }
}
