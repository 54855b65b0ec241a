package dev.jwtauth.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MalformedURLException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The service started the way users start it, {@code scripts/run.sh}, with the WAR already built;
 * with -Pwildfly {@code scripts/run-wildfly.sh} (system property {@code it.run.script}).
 */
final class ServiceProcess implements AutoCloseable {

  /** The start script under test, relative to the project directory. */
  static final String SCRIPT = System.getProperty("it.run.script", "scripts/run.sh");

  /** How the script names itself on its last line. */
  static final String SCRIPT_NAME = SCRIPT.substring(SCRIPT.lastIndexOf('/') + 1);

  private final Process process;
  private final File log;
  final int port;
  final Http http;

  private final int managementPort;

  /** The script that started it (run.sh or run-wildfly.sh). */
  private final String scriptName;

  /** Where the service listens: 127.0.0.1, or the loopback address AUTH_BIND_ADDRESS names. */
  private final String host;

  /** The server's own log, stack traces included (AUTH_LOG_FILE). */
  private final File serverLog;

  private ServiceProcess(
      Process process,
      File log,
      File serverLog,
      String host,
      int port,
      int managementPort,
      String script) {
    this.scriptName = script.substring(script.lastIndexOf('/') + 1);
    this.host = host;
    this.process = process;
    this.log = log;
    this.serverLog = serverLog;
    this.port = port;
    this.managementPort = managementPort;
    this.http = new Http(baseUrl(), true).withHealthAt(healthUri("/"));
  }

  /** The service's root: {@code http://127.0.0.1:<port>/}. */
  URL baseUrl() {
    return toUrl("http://" + host + ":" + port + "/");
  }

  /**
   * @param workDir where the log and Payara's temporary files go
   * @param name names the log file
   * @param environment added to (or, with a null value, removed from) the inherited environment
   */
  static ServiceProcess start(File workDir, String name, Map<String, String> environment)
      throws IOException {
    return start(workDir, name, environment, freePort());
  }

  /**
   * On a given port: the issuer follows the port, so a restart that must keep tokens valid keeps
   * it.
   */
  static ServiceProcess start(File workDir, String name, Map<String, String> environment, int port)
      throws IOException {
    return start(workDir, name, environment, port, SCRIPT);
  }

  /**
   * With a given start script: the other server than the suite's (scripts/run.sh or
   * run-wildfly.sh).
   */
  static ServiceProcess start(
      File workDir, String name, Map<String, String> environment, int port, String script)
      throws IOException {
    File projectDir = new File(System.getProperty("project.dir", "."));
    File tmp = new File(workDir, "tmp");
    tmp.mkdirs();
    File log = new File(workDir, name + ".log");
    ProcessBuilder builder =
        new ProcessBuilder("bash", script)
            .directory(projectDir)
            .redirectErrorStream(true)
            .redirectOutput(log);
    Map<String, String> env = builder.environment();
    env.put("PORT", Integer.toString(port));
    int managementPort = freePort(); // run-wildfly.sh's
    env.put("MANAGEMENT_PORT", Integer.toString(managementPort));
    env.put("AUTH_SKIP_BUILD", "1");
    // JAVA_OPTS from the caller replaces the default heap and JIT flags; the temporary directory is
    // always the test's own.
    env.put(
        "JAVA_OPTS",
        environment.getOrDefault("JAVA_OPTS", "-Xmx512m -XX:TieredStopAtLevel=1")
            + " -Djava.io.tmpdir="
            + tmp.getAbsolutePath()
            + coverageAgent(script));
    File serverLog = new File(workDir, name + "-server.log");
    env.put("AUTH_LOG_FILE", serverLog.getAbsolutePath());
    environment.forEach(
        (key, value) -> {
          if (key.equals("JAVA_OPTS")) {
            return;
          }
          if (value == null) {
            env.remove(key);
          } else {
            env.put(key, value);
          }
        });
    String bind = environment.get("AUTH_BIND_ADDRESS");
    String host = bind != null && bind.startsWith("127.") ? bind : "127.0.0.1";
    return new ServiceProcess(builder.start(), log, serverLog, host, port, managementPort, script);
  }

  /**
   * The JaCoCo agent for a Payara Micro started by run.sh, when the build provides it (pom.xml):
   * the service's classes, not the tests', counted into one file every server appends to when it
   * stops. WildFly is left out: its modular class loading would need the agent's packages exported
   * to every module.
   */
  private static String coverageAgent(String script) {
    String agent = System.getProperty("it.jacoco.agent");
    String destination = System.getProperty("it.jacoco.destfile");
    if (agent == null || destination == null || !new File(agent).isFile()) {
      return "";
    }
    if (!script.endsWith("/run.sh")) {
      return "";
    }
    return " -javaagent:"
        + agent
        + "=destfile="
        + destination
        + ",append=true,includes=dev.jwtauth.*,excludes=dev.jwtauth.it.*";
  }

  /**
   * Where this service's MicroProfile Health answers: at the root on Payara, on the management port
   * on WildFly.
   */
  URI healthUri(String path) {
    // WildFly's management interface stays on 127.0.0.1 whatever AUTH_BIND_ADDRESS says.
    return scriptName.equals("run-wildfly.sh")
        ? URI.create("http://127.0.0.1:" + managementPort + path)
        : URI.create("http://" + host + ":" + port + path);
  }

  /** Who can log in to a started service. */
  record Login(String username, String password) {}

  /**
   * Points a run.sh service at the right database for this suite and says who can log in: on H2 its
   * own embedded database under {@code workDir} and the demo user alice; with -Ppostgres
   * (AUTH_DB_URL inherited) the suite's database in production mode and its bootstrap admin.
   */
  static Login chooseDatabase(File workDir, Map<String, String> environment) {
    String dbUrl = System.getenv("AUTH_DB_URL");
    if (dbUrl != null && dbUrl.startsWith("jdbc:postgresql:")) {
      return new Login("admin", System.getenv("AUTH_BOOTSTRAP_ADMIN_PASSWORD"));
    }
    environment.put(
        "AUTH_DB_URL", "jdbc:h2:file:" + new File(workDir, "data/auth").getAbsolutePath());
    return new Login("alice", "alice-password");
  }

  /**
   * Like {@link #chooseDatabase}, but with -Ppostgres a new PostgreSQL database of the test's own,
   * named after the suite's with the suffix: the suite's database holds the keys other tests
   * rotated and published. {@link #dropOwnDatabase} drops it.
   */
  static Login ownDatabase(File workDir, Map<String, String> environment, String suffix) {
    String suiteUrl = System.getenv("AUTH_DB_URL");
    if (suiteUrl == null || !suiteUrl.startsWith("jdbc:postgresql:")) {
      return chooseDatabase(workDir, environment);
    }
    String ownUrl = suiteUrl + "_" + suffix;
    String name = PostgresTestDatabase.databaseName(ownUrl);
    // A run stopped half-way leaves its database behind; start from an empty one all the same.
    PostgresTestDatabase.execute(ownUrl, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    PostgresTestDatabase.execute(ownUrl, "CREATE DATABASE " + name);
    environment.put("AUTH_DB_URL", ownUrl);
    return new Login("admin", System.getenv("AUTH_BOOTSTRAP_ADMIN_PASSWORD"));
  }

  /** Drops the database {@link #ownDatabase} made, if it made one. */
  static void dropOwnDatabase(Map<String, String> environment) {
    String url = environment.get("AUTH_DB_URL");
    if (url != null
        && url.startsWith("jdbc:postgresql:")
        && !url.equals(System.getenv("AUTH_DB_URL"))) {
      PostgresTestDatabase.execute(
          url,
          "DROP DATABASE IF EXISTS " + PostgresTestDatabase.databaseName(url) + " WITH (FORCE)");
    }
  }

  /** Waits until the application answers (its JWKS), failing after 3 minutes. */
  ServiceProcess awaitReady() {
    Poll.until(
        "the service to answer (see " + log + ")",
        Duration.ofMinutes(3),
        Duration.ofMillis(200),
        () -> {
          if (!process.isAlive()) {
            throw new AssertionError(scriptName + " exited early; see " + log);
          }
          return answersJwks();
        },
        Boolean::booleanValue);
    return this;
  }

  /** Waits until the log contains the text (e.g. a deployment failure), failing after 3 minutes. */
  String awaitLog(String text) {
    return Poll.until(
        "the log to say " + text + " (see " + log + ")",
        Duration.ofMinutes(3),
        Duration.ofMillis(200),
        () -> {
          String content = log();
          if (!content.contains(text) && !process.isAlive()) {
            throw new AssertionError(
                scriptName + " exited without logging " + text + "; see " + log);
          }
          return content;
        },
        content -> content.contains(text));
  }

  /**
   * Waits for run.sh to exit; its exit status, or an AssertionError if it is still running after
   * the timeout.
   */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError(scriptName + " still runs after " + timeout + "; see " + log);
    }
    return process.exitValue();
  }

  /** The last non-blank line run.sh printed. */
  String lastLine() {
    String[] lines = log().strip().split("\\R");
    return lines[lines.length - 1];
  }

  boolean answersJwks() {
    try {
      return probe().get(".well-known/jwks.json").statusCode() == 200;
    } catch (RuntimeException notYet) {
      return false; // connection refused while Payara boots
    }
  }

  /**
   * A fresh client per probe: a JDK 17 HttpClient whose connection broke while Payara was booting
   * can stay broken (every later request fails with ConnectException), so probes never reuse one.
   */
  private Http probe() {
    return new Http(baseUrl(), true);
  }

  String log() {
    try {
      return Files.readString(log.toPath());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The server's full log so far (stack traces included); empty before the server wrote one. */
  String serverLog() {
    try {
      return serverLog.exists() ? Files.readString(serverLog.toPath()) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The server's processes as they run now (the script and what it started), taken ahead so that
   * {@link #kill(List)} can follow the last answer within milliseconds.
   */
  List<ProcessHandle> processes() {
    List<ProcessHandle> all = new java.util.ArrayList<>(process.descendants().toList());
    all.add(process.toHandle());
    return all;
  }

  /** {@code kill -9} of every one of those processes at once: no shutdown hook runs. */
  void kill(List<ProcessHandle> processes) throws InterruptedException {
    processes.forEach(ProcessHandle::destroyForcibly);
    process.waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  /**
   * Every TCP socket the server's processes listen on (the script's descendants), read from {@code
   * /proc}: each process's socket inodes, looked up in {@code /proc/net/tcp} and {@code tcp6} in
   * state LISTEN. What a scan from another host would find, without making a request.
   */
  Set<InetSocketAddress> listeningSockets() throws IOException {
    Set<String> inodes = new HashSet<>();
    for (ProcessHandle handle : process.descendants().toList()) {
      Path fds = Path.of("/proc", Long.toString(handle.pid()), "fd");
      try (Stream<Path> links = Files.list(fds)) {
        for (Path link : links.toList()) {
          try {
            String target = Files.readSymbolicLink(link).toString();
            if (target.startsWith("socket:[")) {
              inodes.add(target.substring(8, target.length() - 1));
            }
          } catch (IOException closedMeanwhile) {
            // a descriptor closed while listing
          }
        }
      } catch (IOException exited) {
        // a process that ended while listing
      }
    }
    Set<InetSocketAddress> listening = new HashSet<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      List<String> rows = Files.readAllLines(Path.of(table));
      for (String line : rows.subList(1, rows.size())) { // the first is the header
        String[] fields = line.trim().split("\\s+");
        boolean listen = fields[3].equals("0A");
        if (listen && inodes.contains(fields[9])) {
          listening.add(socketAddress(fields[1]));
        }
      }
    }
    return listening;
  }

  /** {@code /proc/net/tcp}'s {@code ADDRESS:PORT}: the address in 32-bit words of host order. */
  private static InetSocketAddress socketAddress(String hex) throws IOException {
    String[] parts = hex.split(":");
    byte[] address = new byte[parts[0].length() / 2];
    for (int word = 0; word < address.length / 4; word++) {
      for (int b = 0; b < 4; b++) {
        int at = word * 8 + (3 - b) * 2; // little-endian within each word
        address[word * 4 + b] = (byte) Integer.parseInt(parts[0].substring(at, at + 2), 16);
      }
    }
    return new InetSocketAddress(InetAddress.getByAddress(address), Integer.parseInt(parts[1], 16));
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static URL toUrl(String text) {
    try {
      return URI.create(text).toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
