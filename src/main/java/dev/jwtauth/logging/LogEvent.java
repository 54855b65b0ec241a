package dev.jwtauth.logging;

import dev.jwtauth.guard.Jsons;
import jakarta.json.JsonObjectBuilder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A log line's structured fields ({@code event}, {@code sub}, {@code client_id}, …), passed as the
 * record's parameter: the text format prints them as one JSON object, the JSON format makes them
 * fields of the line. Never a token or a password.
 */
public final class LogEvent {

  private final Map<String, String> fields = new LinkedHashMap<>();

  private LogEvent(String event) {
    fields.put("event", event);
  }

  public static LogEvent of(String event) {
    return new LogEvent(event);
  }

  /** Adds a field; a null value is left out. */
  public LogEvent with(String name, String value) {
    if (value != null) {
      fields.put(name, value);
    }
    return this;
  }

  public String event() {
    return fields.get("event");
  }

  public Map<String, String> fields() {
    return Collections.unmodifiableMap(fields);
  }

  @Override
  public String toString() {
    JsonObjectBuilder json = Jsons.object();
    fields.forEach(json::add);
    return json.build().toString();
  }
}
