package dev.jwtauth.users;

import dev.jwtauth.guard.Jsons;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Who a user is beyond their username: optional profile fields and free-form attributes, each a
 * string or a list of strings (docs/api.md "Users"). Every field is checked here, whichever way it
 * comes in, and a refusal names the field.
 *
 * @param attributes key → {@code String} or {@code List<String>}, keys sorted
 */
public record UserProfile(
    String email,
    boolean emailVerified,
    String name,
    String givenName,
    String familyName,
    Map<String, Object> attributes) {

  public static final int MAX_ATTRIBUTES = 32;
  public static final int MAX_ATTRIBUTE_BYTES = 1024;
  public static final int MAX_ALL_ATTRIBUTE_BYTES = 8 * 1024;
  private static final Pattern ATTRIBUTE_KEY = Pattern.compile("[a-z][a-z0-9_]{0,63}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}");

  // After the patterns: the constructor uses them.
  public static final UserProfile EMPTY = new UserProfile(null, false, null, null, null, Map.of());

  public UserProfile {
    if (email != null
        && (email.length() > 320 || !EMAIL.matcher(email).matches() || !encodable(email))) {
      throw new InvalidProfileException("email must be an address like name@example.com");
    }
    requireText("name", name, 200);
    requireText("given_name", givenName, 100);
    requireText("family_name", familyName, 100);
    attributes = checkedAttributes(attributes == null ? Map.of() : attributes);
  }

  private static void requireText(String field, String value, int maxLength) {
    if (value == null) {
      return;
    }
    if (value.isBlank() || value.length() > maxLength) {
      throw new InvalidProfileException(
          field + " must have 1 to " + maxLength + " characters, not only spaces");
    }
    if (value.chars().anyMatch(Character::isISOControl) || !encodable(value)) {
      throw new InvalidProfileException(
          field + " must not contain control characters or unpaired surrogates");
    }
  }

  /** Valid Unicode: a column, a log line or a token can hold it (no unpaired surrogate). */
  private static boolean encodable(String text) {
    return StandardCharsets.UTF_8.newEncoder().canEncode(text);
  }

  private static Map<String, Object> checkedAttributes(Map<String, Object> given) {
    if (given.size() > MAX_ATTRIBUTES) {
      throw new InvalidProfileException(
          "attributes must have at most " + MAX_ATTRIBUTES + " keys, not " + given.size());
    }
    Map<String, Object> checked = new TreeMap<>();
    int allBytes = 0;
    for (Map.Entry<String, Object> entry : given.entrySet()) {
      String key = entry.getKey();
      if (key == null || !ATTRIBUTE_KEY.matcher(key).matches()) {
        throw new InvalidProfileException(
            "attributes."
                + key
                + ": a key is a lower-case letter, then letters, digits or _ (64 at most)");
      }
      Object value = entry.getValue();
      Object copy;
      if (value instanceof String text && encodable(text)) {
        copy = text;
      } else if (value instanceof List<?> list
          && list.stream().allMatch(item -> item instanceof String text && encodable(text))) {
        copy = list.stream().map(String.class::cast).toList();
      } else {
        throw new InvalidProfileException(
            "attributes." + key + " must be a string or a list of strings (valid Unicode)");
      }
      int bytes = toJson(copy).toString().getBytes(StandardCharsets.UTF_8).length;
      if (bytes > MAX_ATTRIBUTE_BYTES) {
        throw new InvalidProfileException(
            "attributes." + key + " is over " + MAX_ATTRIBUTE_BYTES + " bytes");
      }
      allBytes += bytes;
      checked.put(key, copy);
    }
    if (allBytes > MAX_ALL_ATTRIBUTE_BYTES) {
      throw new InvalidProfileException(
          "attributes are over " + MAX_ALL_ATTRIBUTE_BYTES + " bytes in all");
    }
    return Collections.unmodifiableMap(checked);
  }

  /** The attributes of a JSON object: strings and arrays of strings, anything else refused. */
  public static Map<String, Object> attributesOf(JsonObject json) {
    if (json == null) {
      return Map.of();
    }
    Map<String, Object> attributes = new LinkedHashMap<>();
    for (Map.Entry<String, JsonValue> entry : json.entrySet()) {
      attributes.put(entry.getKey(), attributeValue(entry.getKey(), entry.getValue()));
    }
    return attributes;
  }

  /** One attribute's value: a string or a list of strings, anything else refused by name. */
  static Object attributeValue(String key, JsonValue value) {
    if (value instanceof JsonString text) {
      return text.getString();
    }
    if (value instanceof JsonArray array) {
      List<String> items = new ArrayList<>();
      for (JsonValue item : array) {
        if (!(item instanceof JsonString text)) {
          throw new InvalidProfileException(
              "attributes." + key + " must be a string or a list of strings");
        }
        items.add(text.getString());
      }
      return items;
    }
    throw new InvalidProfileException(
        "attributes." + key + " must be a string or a list of strings");
  }

  /** The attributes as a JSON object (for the admin API and the column). */
  public JsonObject attributesJson() {
    JsonObjectBuilder json = Jsons.object();
    attributes.forEach((key, value) -> json.add(key, toJson(value)));
    return json.build();
  }

  /** The column's text: null without attributes. */
  String attributesColumn() {
    return attributes.isEmpty() ? null : attributesJson().toString();
  }

  static Map<String, Object> attributesOfColumn(String column) {
    if (column == null || column.isEmpty()) {
      return Map.of();
    }
    try (var reader = Jsons.reader(new StringReader(column))) {
      return attributesOf(reader.readObject());
    }
  }

  private static JsonValue toJson(Object value) {
    if (value instanceof String text) {
      return Jsons.value(text);
    }
    return Jsons.array((List<?>) value).build();
  }
}
