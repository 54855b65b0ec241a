package dev.jwtauth.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** RFC 7396 on a user: present members change, null removes, absent ones stay. */
class UserPatchTest {

  private final UserProfile profile =
      new UserProfile(
          "carol@example.com",
          true,
          "Carol Example",
          "Carol",
          null,
          Map.of("department", "research", "projects", List.of("apollo")));

  @Test
  void presentMembersChangeNullRemovesAndAbsentOnesStay() {
    UserProfile patched =
        patch(
                "{\"name\":\"Carol X\",\"email\":null,\"attributes\":{\"projects\":null,\"floor\":\"3\"}}")
            .applyTo(profile);
    assertEquals("Carol X", patched.name());
    assertEquals(null, patched.email());
    assertTrue(patched.emailVerified(), "absent: unchanged");
    assertEquals("Carol", patched.givenName());
    assertEquals(Map.of("department", "research", "floor", "3"), patched.attributes());
    assertEquals(Map.of(), patch("{\"attributes\":null}").applyTo(profile).attributes());
  }

  @Test
  void rolesPermissionsAndEnabledAreReadWhenPresent() {
    UserPatch patch = patch("{\"roles\":[\"user\"],\"permissions\":null,\"enabled\":false}");
    assertEquals(Optional.of(Set.of("user")), patch.roles());
    assertEquals(Optional.of(Set.of()), patch.permissions());
    assertEquals(Optional.of(false), patch.enabled());
    UserPatch empty = patch("{}");
    assertEquals(Optional.empty(), empty.roles());
    assertEquals(Optional.empty(), empty.permissions());
    assertEquals(Optional.empty(), empty.enabled());
    assertEquals(Optional.empty(), empty.organization());
    assertEquals(profile, empty.applyTo(profile));
  }

  @Test
  void anOrganizationIsSetByIdAndLeftByNull() {
    assertEquals(
        Optional.of(new Membership("acme")), patch("{\"organization\":\"acme\"}").organization());
    assertEquals(
        Optional.of(new Membership(null)), patch("{\"organization\":null}").organization());
  }

  @Test
  void aBadMemberIsRefusedByName() {
    assertRefused("username", "{\"username\":\"x\"}");
    assertRefused("name", "{\"name\":3}");
    assertRefused("email_verified", "{\"email_verified\":\"yes\"}");
    assertRefused("attributes", "{\"attributes\":[1]}");
    assertRefused("attributes.Bad", "{\"attributes\":{\"Bad\":\"x\"}}");
    assertRefused("roles", "{\"roles\":null}");
    assertRefused("permissions", "{\"permissions\":[1]}");
    assertRefused("enabled", "{\"enabled\":null}");
    assertRefused("organization", "{\"organization\":[\"acme\"]}");
  }

  private void assertRefused(String field, String json) {
    InvalidProfileException e =
        assertThrows(
            InvalidProfileException.class,
            () -> {
              UserPatch patch = patch(json);
              patch.applyTo(profile);
              patch.roles();
              patch.permissions();
              patch.enabled();
              patch.organization();
            },
            json);
    assertTrue(e.getMessage().startsWith(field), e.getMessage());
  }

  private static UserPatch patch(String json) {
    try (var reader = dev.jwtauth.guard.Jsons.reader(new StringReader(json))) {
      return new UserPatch(reader.readObject());
    }
  }
}
