package dev.jwtauth.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * One running token service for every black-box test class of the real WAR ({@link ServiceIT}): the
 * test WAR of {@link Deployments} exported once and started with the start script of the server
 * under test ({@code scripts/run.sh}, or {@code scripts/run-wildfly.sh} with -Pwildfly), on the
 * suite's database (the failsafe environment), when the first such class runs. It is kept in
 * JUnit's root store, so it serves every later class and stops when the test run ends.
 *
 * <p>Arquillian's Payara Micro connector starts a new server for every {@code @Deployment}, ~20 s
 * each on 2 cores; every one of these classes deploys the same WAR with the same settings and talks
 * HTTP only, so one server serves them all. Each test makes its own users and data. A class that
 * needs other settings starts a service of its own ({@link ServiceProcess}).
 */
final class SharedService implements TestInstancePostProcessor {

  private static final Namespace NAMESPACE = Namespace.create(SharedService.class);

  /**
   * What the shared service runs with, beyond the suite's environment: the issuer the tests expect
   * (the configuration's default, whatever port the server got), and the cheapest Argon2id cost the
   * service accepts — hundreds of logins run here; the cost itself is tested by {@code
   * Argon2idPasswordHashTest} and at the default cost by {@link LoginLimitsIT}'s own service.
   */
  static final Map<String, String> ENVIRONMENT =
      Map.of(
          "AUTH_ISSUER", "http://127.0.0.1:8080",
          "AUTH_PASSWORD_ARGON2_MEMORY_KIB", "8192",
          "AUTH_PASSWORD_ARGON2_ITERATIONS", "1",
          "JAVA_OPTS", "-Xmx768m");

  /** The shared service's WAR (the built auth.war plus test support), exported into workDir. */
  static File exportWar(File workDir) {
    File war = new File(workDir, "auth-it.war");
    workDir.mkdirs();
    Deployments.serviceWar().as(ZipExporter.class).exportTo(war, true);
    return war;
  }

  @Override
  public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
    Running running =
        context
            .getRoot()
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent(Running.class, key -> Running.start(), Running.class);
    ((ServiceIT) testInstance).attach(running.service());
  }

  /**
   * The started service, or why it could not start (kept, so that every later class fails at once
   * with the cause instead of booting again); closed by JUnit with the root store.
   */
  private static final class Running implements AutoCloseable {

    private final ServiceProcess service;
    private final AssertionError failure;

    private Running(ServiceProcess service, AssertionError failure) {
      this.service = service;
      this.failure = failure;
    }

    static Running start() {
      File workDir =
          new File(
              System.getProperty("project.dir", "."),
              "target/shared-service/" + System.currentTimeMillis());
      ServiceProcess started = null;
      try {
        Map<String, String> environment = new HashMap<>(ENVIRONMENT);
        environment.put("AUTH_WAR", exportWar(workDir).getAbsolutePath());
        started = ServiceProcess.start(workDir, "shared", environment);
        started.awaitReady();
        return new Running(started, null);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (AssertionError e) {
        if (started != null) {
          closeQuietly(started);
        }
        return new Running(null, e);
      }
    }

    ServiceProcess service() {
      if (failure != null) {
        throw new AssertionError("the shared service did not start", failure);
      }
      return service;
    }

    @Override
    public void close() throws InterruptedException {
      if (service != null) {
        service.close();
      }
    }

    private static void closeQuietly(ServiceProcess service) {
      try {
        service.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
