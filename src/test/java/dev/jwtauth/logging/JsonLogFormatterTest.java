package dev.jwtauth.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtauth.guard.Jsons;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JsonLogFormatterTest {

  private final JsonLogFormatter formatter = new JsonLogFormatter();

  @AfterEach
  void leaveTheRequest() {
    RequestContext.end();
  }

  @Test
  void aPlainLineHasTheFourFields() {
    LogRecord record = new LogRecord(Level.WARNING, "Key \"k1\" retired\nnext line");
    record.setLoggerName("dev.jwtauth.keys.KeyLifecycle");

    String line = formatter.format(record);

    assertTrue(line.endsWith(System.lineSeparator()));
    assertEquals(1, line.strip().lines().count(), "one line, whatever the message holds");
    JsonObject json = parse(line);
    assertEquals("WARNING", json.getString("level"));
    assertEquals("dev.jwtauth.keys.KeyLifecycle", json.getString("logger"));
    assertEquals("Key \"k1\" retired\nnext line", json.getString("message"));
    assertTrue(json.getString("timestamp").endsWith("Z"));
    assertFalse(json.containsKey("request_id"), "no request on this thread");
  }

  @Test
  void anEventsFieldsBecomeFieldsOfTheLineWithTheRequestId() {
    RequestContext.begin("req-42", () -> "192.0.2.1");
    LogRecord record = new LogRecord(Level.INFO, "{0}");
    record.setLoggerName("dev.jwtauth.audit");
    record.setParameters(
        new Object[] {
          LogEvent.of("login_failed").with("client_id", "web").with("sub", null).with("jti", "j1")
        });

    JsonObject json = parse(formatter.format(record));

    assertEquals("login_failed", json.getString("message"));
    assertEquals("login_failed", json.getString("event"));
    assertEquals("web", json.getString("client_id"));
    assertEquals("j1", json.getString("jti"));
    assertEquals("req-42", json.getString("request_id"));
    assertFalse(json.containsKey("sub"), "a null field is left out");
  }

  @Test
  void theTextFormatPrintsTheEventAsOneJsonObject() {
    assertEquals(
        "{\"event\":\"key_rotated\",\"actor\":\"u1\"}",
        LogEvent.of("key_rotated").with("actor", "u1").toString());
  }

  @Test
  void aWellFormedRequestIdIsKeptAndAnythingElseReplaced() {
    assertEquals("abc-123", RequestContext.wellFormedOrNew("abc-123"));
    assertEquals(
        "Root=1-67891233-abcdef012345678912345678",
        RequestContext.wellFormedOrNew("Root=1-67891233-abcdef012345678912345678"));
    for (String bad : new String[] {null, "", "a b", "x\ny", "\"quoted\"", "a".repeat(129)}) {
      String id = RequestContext.wellFormedOrNew(bad);
      assertNotEquals(bad, id);
      assertEquals(4, java.util.UUID.fromString(id).version(), "a version-4 UUID: " + id);
    }
  }

  private static JsonObject parse(String line) {
    return Jsons.reader(new StringReader(line)).readObject();
  }
}
