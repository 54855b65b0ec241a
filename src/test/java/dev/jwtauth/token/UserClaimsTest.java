package dev.jwtauth.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtauth.clients.ClaimSet;
import dev.jwtauth.clients.InvalidClientDefinitionException;
import dev.jwtauth.users.UserProfile;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A client's claim set and the values it maps a user to. */
class UserClaimsTest {

  private final UserProfile carol =
      new UserProfile(
          "carol@example.com",
          true,
          "Carol Example",
          null,
          null,
          Map.of("department", "research", "projects", List.of("apollo")));

  @Test
  void eachClaimOfTheSetHasItsValueAndAMissingValueNoClaim() {
    Map<String, Object> claims =
        UserClaims.of(
            ClaimSet.checked(
                List.of(
                    "email",
                    "email_verified",
                    "name",
                    "given_name",
                    "permissions",
                    "attr:department",
                    "attr:floor",
                    "roles",
                    "realm_access",
                    "typ")),
            carol,
            Set.of("user", "admin"),
            Set.of("tasks:read"),
            null);
    assertEquals(
        Map.of(
            "email",
            "carol@example.com",
            "email_verified",
            true,
            "name",
            "Carol Example",
            "permissions",
            List.of("tasks:read"),
            "department",
            "research",
            "roles",
            List.of("admin", "user"),
            "realm_access",
            Map.of("roles", List.of("admin", "user")),
            "typ",
            "Bearer"),
        claims);
  }

  @Test
  void theDefaultSetIsThePermissions() {
    assertEquals(
        Map.of("permissions", List.of("a", "b")),
        UserClaims.of(ClaimSet.DEFAULT, carol, Set.of("user"), Set.of("b", "a"), null));
    assertEquals(Map.of(), UserClaims.of(ClaimSet.DEFAULT, carol, Set.of(), Set.of(), null));
  }

  @Test
  void aMembersTokensCarryTheOrganizationWhateverTheClaimSet() {
    assertEquals(
        Map.of("org_id", "acme"),
        UserClaims.of(Set.of(), carol, Set.of("admin"), Set.of(), "acme"));
    assertEquals(
        Map.of("org_id", "acme", "email", "carol@example.com"),
        UserClaims.of(
            ClaimSet.checked(List.of("org_id", "email")), carol, Set.of(), Set.of(), "acme"));
    assertEquals(
        Map.of("org_id", "acme"),
        IdentityClaims.copied(Set.of(), Map.of("org_id", "acme", "sub", "x", "email", "e")));
  }

  @Test
  void aClaimSetNamesKnownClaimsOrAttributesOnly() {
    for (String bad : new String[] {"sub", "attr:sub", "attr:email", "attr:Dept", "org", "attr:"}) {
      InvalidClientDefinitionException e =
          assertThrows(
              InvalidClientDefinitionException.class, () -> ClaimSet.checked(List.of(bad)), bad);
      assertTrue(e.getMessage().startsWith("claims: " + bad), e.getMessage());
    }
    assertEquals(null, ClaimSet.checked(null));
    assertEquals(Set.of(), ClaimSet.checked(List.of()));
  }

  @Test
  void anExchangeCopiesWhatTheNewClientsSetNames() {
    assertEquals(
        Map.of("permissions", List.of("a"), "department", "x"),
        IdentityClaims.copied(
            Set.of("permissions", "attr:department", "email"),
            Map.of("permissions", List.of("a"), "department", "x", "sub", "s", "name", "n")));
  }
}
