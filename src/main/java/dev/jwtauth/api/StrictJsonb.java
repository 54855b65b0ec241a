package dev.jwtauth.api;

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
 * JSON-B for request bodies, strict about strings: JSON-B implementations turn {@code 42} or {@code
 * true} into the string {@code "42"}, which would make {@code {"title":42}} a valid task and {@code
 * {"username":42}} a login attempt. Here a string field takes a JSON string (or null) only;
 * anything else is a 400 through {@link JsonbException}.
 */
@Provider
public class StrictJsonb implements ContextResolver<Jsonb> {

  private final Jsonb jsonb =
      JsonbBuilder.create(new JsonbConfig().withDeserializers(new StrictStrings()));

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
      return text.getString();
    }
  }
}
