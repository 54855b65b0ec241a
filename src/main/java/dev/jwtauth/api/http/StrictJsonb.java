package dev.jwtauth.api.http;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Type;

/**
 * JSON-B for request bodies, strict about strings and booleans: JSON-B implementations turn {@code
 * 42} or {@code true} into the string {@code "42"}, which would make {@code {"title":42}} a valid
 * task and {@code {"username":42}} a login attempt, and read {@code "yes"} or {@code 1} as the
 * boolean false (a task marked done that is not, a key imported with {@code "activate":"yes"} that
 * is not activated). Here a string field takes a JSON string (or null) only, a boolean field {@code
 * true}, {@code false} or null; anything else is a 400 through {@link JsonbException}. A string
 * with an unpaired surrogate ({@code "\ud800"}: valid JSON, not valid Unicode) is refused too: it
 * cannot be encoded as UTF-8, so a password hash, a log line or a database column would fail on it
 * later as a 500.
 */
@Provider
public class StrictJsonb implements ContextResolver<Jsonb> {

  private final Jsonb jsonb =
      JsonbBuilder.create(
          new JsonbConfig().withDeserializers(new StrictStrings(), new StrictBooleans()));

  @Override
  public Jsonb getContext(Class<?> type) {
    return jsonb;
  }

  /** Strings from JSON strings only. */
  public static final class StrictStrings implements JsonbDeserializer<String> {
    @Override
    public String deserialize(JsonParser parser, DeserializationContext context, Type type) {
      // getValue, not currentEvent: Yasson 3.0's parser does not implement the latter.
      JsonValue value = parser.getValue();
      if (value.getValueType() == JsonValue.ValueType.NULL) {
        return null;
      }
      if (!(value instanceof JsonString text)) {
        throw new JsonbException("A string was expected, not " + value.getValueType());
      }
      String string = text.getString();
      if (!wellFormed(string)) {
        throw new JsonbException("A string is not valid Unicode (an unpaired surrogate)");
      }
      return string;
    }
  }

  /** Whether every surrogate in the text is one half of a pair. */
  static boolean wellFormed(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /** Booleans from JSON {@code true} and {@code false} only. */
  public static final class StrictBooleans implements JsonbDeserializer<Boolean> {
    @Override
    public Boolean deserialize(JsonParser parser, DeserializationContext context, Type type) {
      JsonValue value = parser.getValue();
      return switch (value.getValueType()) {
        case NULL -> null;
        case TRUE -> Boolean.TRUE;
        case FALSE -> Boolean.FALSE;
        default ->
            throw new JsonbException("true or false was expected, not " + value.getValueType());
      };
    }
  }
}
