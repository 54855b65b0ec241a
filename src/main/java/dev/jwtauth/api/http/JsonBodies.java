package dev.jwtauth.api.http;

import dev.jwtauth.guard.Jsons;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;

/** Reads JSON request bodies so that anything malformed becomes a 400, never a 500. */
public final class JsonBodies {

  private JsonBodies() {}

  public static JsonObject object(String body) {
    if (body == null || body.isBlank()) {
      throw new InvalidRequestException("The request body must be a JSON object");
    }
    try (JsonReader reader = Jsons.reader(new StringReader(body))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new InvalidRequestException("The request body must be a JSON object");
      }
      return value.asJsonObject();
    } catch (JsonParsingException e) {
      throw new InvalidRequestException("The request body is not valid JSON");
    } catch (JsonException e) {
      throw new InvalidRequestException("The request body is not valid JSON");
    } catch (RuntimeException e) {
      // Parsson refuses input nested over 1000 deep with a plain RuntimeException.
      throw new InvalidRequestException("The request body is not valid JSON");
    }
  }

  public static String optionalString(JsonObject json, String name, int maxLength) {
    JsonValue value = json.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (!(value instanceof JsonString text)) {
      throw new InvalidRequestException("The field " + name + " must be a string");
    }
    if (!StrictJsonb.wellFormed(text.getString())) {
      throw new InvalidRequestException("The field " + name + " is not valid Unicode");
    }
    if (text.getString().length() > maxLength) {
      throw new InvalidRequestException(
          "The field " + name + " is longer than " + maxLength + " characters");
    }
    return text.getString();
  }
}
