package dev.jwtauth.db;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PoolSettingsTest {

  private static final Path PROJECT = Path.of(System.getProperty("basedir", "."));

  @Test
  void acceptsTheDefaultsAndAnyConsistentPool() {
    assertDoesNotThrow(() -> new PoolSettings("2", "32", "10000", "300", "30").validate());
    assertDoesNotThrow(() -> new PoolSettings("0", "1", "0", "0", "-1").validate());
    assertDoesNotThrow(() -> new PoolSettings(" 40 ", "40", "10000", "300", "30").validate());
  }

  @Test
  void namesTheSettingAndItsEnvironmentVariableThatIsNotAWholeNumber() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new PoolSettings("2", "abc", "10000", "300", "30").validate());
    assertEquals(
        "auth.db.pool.max-size (environment variable AUTH_DB_POOL_MAX_SIZE) must be a whole number, not 'abc'",
        e.getMessage());
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> new PoolSettings("2", "32", "10s", "300", "30").validate())
            .getMessage()
            .startsWith(
                "auth.db.pool.max-wait-millis (environment variable AUTH_DB_POOL_MAX_WAIT_MILLIS)"));
  }

  @Test
  void refusesSizesAndTimeoutsOutOfRange() {
    assertTrue(
        message(new PoolSettings("-1", "32", "10000", "300", "30"))
            .startsWith("auth.db.pool.min-size"));
    assertTrue(
        message(new PoolSettings("0", "0", "10000", "300", "30"))
            .startsWith("auth.db.pool.max-size"));
    assertEquals(
        "auth.db.pool.min-size (8) must not exceed auth.db.pool.max-size (4)",
        message(new PoolSettings("8", "4", "10000", "300", "30")));
    assertTrue(
        message(new PoolSettings("2", "32", "-5", "300", "30"))
            .startsWith("auth.db.pool.max-wait-millis"));
    assertTrue(
        message(new PoolSettings("2", "32", "10000", "-1", "30"))
            .startsWith("auth.db.pool.idle-timeout-seconds"));
    assertTrue(
        message(new PoolSettings("2", "32", "10000", "300", "-2"))
            .startsWith("auth.db.statement-timeout-seconds"));
  }

  /**
   * The server resolves the pool's settings before the application exists, so the asadmin files
   * carry their own defaults; they must be the application's, or the two would disagree.
   */
  @Test
  void theServerCommandsDefaultEverySettingAsTheApplicationDoes() throws IOException {
    Properties defaults = new Properties();
    try (Reader reader =
        Files.newBufferedReader(
            PROJECT.resolve("src/main/resources/META-INF/microprofile-config.properties"))) {
      defaults.load(reader);
    }
    Map<String, String> serverDefaults = new LinkedHashMap<>();
    serverDefaults.putAll(placeholders(PROJECT.resolve("payara-config/pre-boot-commands.asadmin")));
    serverDefaults.putAll(
        placeholders(PROJECT.resolve("payara-config/post-boot-commands.asadmin")));

    assertTrue(
        serverDefaults
            .keySet()
            .containsAll(
                List.of(
                    PoolSettings.MIN_SIZE,
                    PoolSettings.MAX_SIZE,
                    PoolSettings.MAX_WAIT_MILLIS,
                    PoolSettings.IDLE_TIMEOUT_SECONDS,
                    PoolSettings.STATEMENT_TIMEOUT_SECONDS,
                    "auth.db.url",
                    "auth.db.user",
                    "auth.db.password")),
        serverDefaults.toString());
    serverDefaults.forEach((name, value) -> assertEquals(defaults.getProperty(name), value, name));
  }

  private static Map<String, String> placeholders(Path commands) throws IOException {
    Map<String, String> found = new LinkedHashMap<>();
    Pattern placeholder = Pattern.compile("\\$\\{MPCONFIG=([^:}]+):([^}]*)}");
    for (String line : Files.readAllLines(commands)) {
      if (line.startsWith("#")) {
        continue;
      }
      Matcher matcher = placeholder.matcher(line);
      while (matcher.find()) {
        found.put(matcher.group(1), matcher.group(2));
      }
    }
    return found;
  }

  private static String message(PoolSettings settings) {
    return assertThrows(IllegalArgumentException.class, settings::validate).getMessage();
  }
}
