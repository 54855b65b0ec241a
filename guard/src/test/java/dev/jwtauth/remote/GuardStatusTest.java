package dev.jwtauth.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GuardStatusTest {

  private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  @Test
  void aGuardWithoutAFeedShowsItsKeysAndNoLag() throws Exception {
    GuardStatus status = new GuardStatus(keys(), null);
    status.register("notes");
    ObjectName name = GuardStatus.nameOf("notes");
    assertEquals("notes", name.getKeyProperty("app"));
    try {
      assertEquals(-1L, server.getAttribute(name, "RevocationFeedLagMillis"));
      assertEquals(true, server.getAttribute(name, "RevocationFeedCurrent"));
      assertEquals(0, server.getAttribute(name, "Revocations"));
      assertEquals(0, server.getAttribute(name, "Keys"));
      assertEquals(0L, server.getAttribute(name, "JwksFetches"));
    } finally {
      status.unregister();
    }
    assertFalse(server.isRegistered(name));
  }

  @Test
  void aRedeploymentReplacesTheStatusItsPredecessorLeft() throws Exception {
    GuardStatus left = new GuardStatus(keys(), null);
    left.register("orders, v2");
    GuardStatus next = new GuardStatus(keys(), null);
    next.register("orders, v2");
    ObjectName name = GuardStatus.nameOf("orders, v2");
    assertTrue(server.isRegistered(name), "quoted: commas and spaces in the name");
    assertEquals("\"orders, v2\"", name.getKeyProperty("app"));
    next.unregister();
    assertFalse(server.isRegistered(name));
  }

  private RemoteJwks keys() {
    return new RemoteJwks(
        "https://issuer.example",
        URI.create("http://127.0.0.1:9/jwks"),
        Set.of(JWSAlgorithm.RS256),
        Duration.ofSeconds(10),
        Duration.ofMinutes(5),
        HttpClient.newHttpClient(),
        executor,
        Clock.systemUTC());
  }
}
