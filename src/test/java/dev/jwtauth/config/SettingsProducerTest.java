package dev.jwtauth.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtauth.guard.Durations;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How settings are read from their text. */
class SettingsProducerTest {

  @Test
  void roleScopesMapEachRoleToItsScopes() {
    assertEquals(
        Map.of("user", Set.of("tasks:read", "tasks:write"), "admin", Set.of("admin")),
        SettingsProducer.roleScopes("user=tasks:read tasks:write;admin=admin"));
    assertEquals(
        Map.of("user", Set.of("a", "b"), "admin", Set.of()),
        SettingsProducer.roleScopes(" user = a,b ; ; admin= "));
  }

  @Test
  void aRoleScopesEntryWithoutARoleIsRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SettingsProducer.roleScopes("=admin"));
    assertTrue(e.getMessage().startsWith("auth.role-scopes"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SettingsProducer.roleScopes("user"));
  }

  @Test
  void durationsTakeSecondsUnitsOrIso8601() {
    for (var example :
        List.of(
            List.of("900", Duration.ofMinutes(15)),
            List.of("15m", Duration.ofMinutes(15)),
            List.of("PT15M", Duration.ofMinutes(15)),
            List.of("pt15m", Duration.ofMinutes(15)),
            List.of(" 30s ", Duration.ofSeconds(30)),
            List.of("1h", Duration.ofHours(1)),
            List.of("7d", Duration.ofDays(7)),
            List.of("500ms", Duration.ofMillis(500)))) {
      assertEquals(
          example.get(1), Durations.parse("x", (String) example.get(0)), example.toString());
    }
  }

  /** The MicroProfile Config converter reads what {@link Durations} reads, and refuses the same. */
  @Test
  void theDurationConverterReadsTheSettingsFormat() {
    DurationConverter converter = new DurationConverter();
    assertEquals(Duration.ofMinutes(15), converter.convert("15m"));
    assertEquals(Duration.ofMillis(500), converter.convert("500ms"));
    assertEquals(Duration.ofSeconds(900), converter.convert("900"));
    assertEquals(null, converter.convert(" "));
    assertThrows(IllegalArgumentException.class, () -> converter.convert("15 minutes"));
  }

  @Test
  void anUnreadableDurationNamesItsSetting() {
    for (String text : List.of("", "15 minutes", "m", "15w", "P", "ms", "1.5ms")) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> Durations.parse("auth.clock-skew", text), text);
      assertTrue(e.getMessage().startsWith("auth.clock-skew is not a duration"), e.getMessage());
    }
  }

  @Test
  void thePollIntervalIsBoundedAndShorterThanTheReadinessLag() {
    assertEquals(
        Duration.ofMillis(500),
        new SyncSettings(Duration.ofSeconds(10), Duration.ofMillis(500)).pollInterval());
    for (Duration wrong : List.of(Duration.ofMillis(99), Duration.ofSeconds(61))) {
      assertThrows(
          IllegalArgumentException.class,
          () -> new SyncSettings(Duration.ofMinutes(5), wrong),
          wrong.toString());
    }
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new SyncSettings(Duration.ofSeconds(10), Duration.ofSeconds(10)));
    assertTrue(e.getMessage().contains("auth.readiness.max-sync-lag"), e.getMessage());
  }

  @Test
  void theAccessTokenLifetimeIsAtMostADay() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new TokenSettings(
                    "http://issuer",
                    List.of("api"),
                    Duration.ofHours(25),
                    Duration.ofSeconds(30),
                    "JWT",
                    Map.of(),
                    Map.of()));
    assertTrue(e.getMessage().contains("at most 1 day"), e.getMessage());
  }
}
