package dev.jwtauth.users;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A JSON Merge Patch (RFC 7396) of a user, as {@code PATCH /admin/users/{id}} takes it: a member
 * present changes that field, {@code null} removes it (inside {@code attributes}, one key); an
 * absent member changes nothing. Every refusal names the field.
 */
public final class UserPatch {

  private static final Set<String> FIELDS =
      Set.of(
          "email",
          "email_verified",
          "name",
          "given_name",
          "family_name",
          "attributes",
          "roles",
          "permissions",
          "organization",
          "enabled");

  private final JsonObject patch;

  public UserPatch(JsonObject patch) {
    for (String key : patch.keySet()) {
      if (!FIELDS.contains(key)) {
        throw new InvalidProfileException(
            key + " cannot be changed here; the fields are " + new TreeSet<>(FIELDS));
      }
    }
    this.patch = patch;
  }

  /** The fields the patch names, sorted (for the audit row). */
  public Set<String> fields() {
    return new TreeSet<>(patch.keySet());
  }

  /** The profile with this patch applied (checked again as a whole). */
  public UserProfile applyTo(UserProfile profile) {
    return new UserProfile(
        text("email", profile.email()),
        flag("email_verified", profile.emailVerified(), false),
        text("name", profile.name()),
        text("given_name", profile.givenName()),
        text("family_name", profile.familyName()),
        attributes(profile.attributes()));
  }

  /** The new roles, if the patch sets them (a list of strings; never null). */
  public Optional<Set<String>> roles() {
    if (!patch.containsKey("roles")) {
      return Optional.empty();
    }
    if (patch.isNull("roles")) {
      throw new InvalidProfileException("roles must be a list of roles, not null");
    }
    return Optional.of(strings("roles"));
  }

  /** The new direct permissions, if the patch sets them ({@code null}: none). */
  public Optional<Set<String>> permissions() {
    if (!patch.containsKey("permissions")) {
      return Optional.empty();
    }
    return Optional.of(patch.isNull("permissions") ? Set.of() : strings("permissions"));
  }

  /** The new organization, if the patch sets it ({@code null}: none). */
  public Optional<Membership> organization() {
    if (!patch.containsKey("organization")) {
      return Optional.empty();
    }
    return Optional.of(new Membership(text("organization", null)));
  }

  /** Whether the patch enables or disables the user. */
  public Optional<Boolean> enabled() {
    if (!patch.containsKey("enabled")) {
      return Optional.empty();
    }
    return Optional.of(flag("enabled", true, null));
  }

  private String text(String field, String current) {
    if (!patch.containsKey(field)) {
      return current;
    }
    JsonValue value = patch.get(field);
    if (value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value instanceof JsonString string) {
      return string.getString();
    }
    throw new InvalidProfileException(field + " must be a string or null");
  }

  private boolean flag(String field, boolean current, Boolean whenNull) {
    if (!patch.containsKey(field)) {
      return current;
    }
    return switch (patch.get(field).getValueType()) {
      case TRUE -> true;
      case FALSE -> false;
      case NULL -> {
        if (whenNull == null) {
          throw new InvalidProfileException(field + " must be true or false");
        }
        yield whenNull;
      }
      default -> throw new InvalidProfileException(field + " must be true or false");
    };
  }

  private Map<String, Object> attributes(Map<String, Object> current) {
    if (!patch.containsKey("attributes")) {
      return current;
    }
    JsonValue value = patch.get("attributes");
    if (value.getValueType() == JsonValue.ValueType.NULL) {
      return Map.of();
    }
    if (!(value instanceof JsonObject changes)) {
      throw new InvalidProfileException("attributes must be an object or null");
    }
    Map<String, Object> merged = new LinkedHashMap<>(current);
    for (Map.Entry<String, JsonValue> change : changes.entrySet()) {
      if (change.getValue().getValueType() == JsonValue.ValueType.NULL) {
        merged.remove(change.getKey());
      } else {
        merged.put(change.getKey(), UserProfile.attributeValue(change.getKey(), change.getValue()));
      }
    }
    return merged;
  }

  private Set<String> strings(String field) {
    if (!(patch.get(field) instanceof JsonArray array)) {
      throw new InvalidProfileException(field + " must be a list of strings");
    }
    Set<String> values = new LinkedHashSet<>();
    for (JsonValue item : array) {
      if (!(item instanceof JsonString string)) {
        throw new InvalidProfileException(field + " must be a list of strings");
      }
      values.add(string.getString());
    }
    return values;
  }
}
