package dev.jwtauth.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The profile's rules: each refusal names its field. */
class UserProfileTest {

  @Test
  void aProfileWithAttributesRoundTripsThroughItsColumn() {
    UserProfile profile =
        new UserProfile(
            "alice@example.com",
            true,
            "Alice Liddell",
            "Alice",
            "Liddell",
            Map.of("department", "research", "projects", List.of("apollo", "gemini")));
    assertEquals(profile.attributes(), UserProfile.attributesOfColumn(profile.attributesColumn()));
    assertEquals(
        "{\"department\":\"research\",\"projects\":[\"apollo\",\"gemini\"]}",
        profile.attributesJson().toString());
    assertEquals(null, UserProfile.EMPTY.attributesColumn());
  }

  @Test
  void eachBadFieldIsRefusedByName() {
    assertRefused("email", () -> profile("not-an-address", null, Map.of()));
    assertRefused("name", () -> profile(null, "   ", Map.of()));
    assertRefused("name", () -> profile(null, "a\u0001b", Map.of()));
    assertRefused("name", () -> profile(null, "n".repeat(201), Map.of()));
    assertRefused("name", () -> profile(null, "a\ud800b", Map.of()));
    assertRefused("attributes.Dept", () -> profile(null, null, Map.of("Dept", "x")));
    assertRefused("attributes.level", () -> profile(null, null, Map.of("level", 3)));
    assertRefused(
        "attributes.tags", () -> profile(null, null, Map.of("tags", List.of("a", List.of()))));
    assertRefused("attributes.bio", () -> profile(null, null, Map.of("bio", "x".repeat(1025))));
  }

  @Test
  void attributesAreBoundedInNumberAndInAll() {
    Map<String, Object> many = new HashMap<>();
    for (int i = 0; i <= UserProfile.MAX_ATTRIBUTES; i++) {
      many.put("a" + i, "v");
    }
    assertRefused("attributes", () -> profile(null, null, many));
    Map<String, Object> large = new HashMap<>();
    for (int i = 0; i < 9; i++) {
      large.put("a" + i, "x".repeat(1000));
    }
    assertRefused("attributes are over", () -> profile(null, null, large));
  }

  private static UserProfile profile(String email, String name, Map<String, Object> attributes) {
    return new UserProfile(email, false, name, null, null, attributes);
  }

  private static void assertRefused(String field, Runnable making) {
    InvalidProfileException e = assertThrows(InvalidProfileException.class, making::run);
    assertTrue(e.getMessage().startsWith(field), e.getMessage());
  }
}
