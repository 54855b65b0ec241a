package dev.jwtauth.guard;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import java.io.Reader;
import java.util.Collection;
import java.util.Map;

/**
 * JSON-P builders and readers from one provider, looked up once. Why not {@code jakarta.json.Json}:
 * each of its static factories looks the provider up through {@code ServiceLoader}, which searches
 * the class path's jars on every call — a measurable share of a request's CPU (docs/benchmarks.md).
 * ArchitectureTest keeps {@code Json} out of the rest of the code.
 */
public final class Jsons {

  private static final JsonProvider PROVIDER = JsonProvider.provider();

  private Jsons() {}

  public static JsonObjectBuilder object() {
    return PROVIDER.createObjectBuilder();
  }

  public static JsonObjectBuilder object(Map<String, ?> members) {
    @SuppressWarnings("unchecked") // JSON-P reads the map; it never adds to it
    Map<String, Object> map = (Map<String, Object>) members;
    return PROVIDER.createObjectBuilder(map);
  }

  public static JsonArrayBuilder array() {
    return PROVIDER.createArrayBuilder();
  }

  public static JsonArrayBuilder array(Collection<?> values) {
    return PROVIDER.createArrayBuilder(values);
  }

  public static JsonString value(String value) {
    return PROVIDER.createValue(value);
  }

  public static JsonNumber value(long value) {
    return PROVIDER.createValue(value);
  }

  public static JsonNumber value(double value) {
    return PROVIDER.createValue(value);
  }

  public static JsonReader reader(Reader reader) {
    return PROVIDER.createReader(reader);
  }
}
