package dev.jwtauth.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtauth.users.InvalidProfileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A token's permissions: what the roles grant and the direct grants, sorted. */
class PermissionPolicyTest {

  private final PermissionPolicy policy =
      new PermissionPolicy(
          Map.of(
              "user", Set.of("tasks:read", "tasks:write", "tasks:delete"),
              "admin", Set.of("users:manage", "tasks:read:all")));

  @Test
  void theClaimIsTheUnionOfRolesAndDirectGrantsSorted() {
    assertEquals(
        List.of("reports:export", "tasks:delete", "tasks:read", "tasks:write"),
        List.copyOf(policy.of(Set.of("user"), Set.of("reports:export", "tasks:read"))));
    assertEquals(
        List.of("tasks:delete", "tasks:read", "tasks:read:all", "tasks:write", "users:manage"),
        List.copyOf(policy.of(Set.of("user", "admin"), Set.of())));
    assertEquals(List.of(), List.copyOf(policy.of(Set.of("auditor"), Set.of())));
  }

  @Test
  void aDirectGrantIsAPermissionNameAndTheRefusalNamesTheField() {
    assertEquals(
        Set.of("reports:export"), PermissionPolicy.checkedDirect(List.of("reports:export")));
    for (String bad : new String[] {"Tasks:read", "tasks read", "", ":x", "a".repeat(65)}) {
      InvalidProfileException e =
          assertThrows(
              InvalidProfileException.class, () -> PermissionPolicy.checkedDirect(List.of(bad)));
      assertTrue(e.getMessage().startsWith("permissions"), e.getMessage());
    }
    List<String> many = new ArrayList<>();
    for (int i = 0; i <= PermissionPolicy.MAX_DIRECT; i++) {
      many.add("p" + i);
    }
    assertThrows(InvalidProfileException.class, () -> PermissionPolicy.checkedDirect(many));
  }

  @Test
  void aRoleGrantingABadNameIsASettingsError() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new PermissionPolicy(Map.of("user", Set.of("Tasks Read"))));
    assertTrue(e.getMessage().startsWith("auth.role-permissions"), e.getMessage());
  }
}
