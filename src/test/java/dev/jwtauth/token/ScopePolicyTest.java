package dev.jwtauth.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ScopePolicyTest {

  @Test
  void anUnavailableScopeIsNamed() {
    InvalidScopeException e =
        assertThrows(
            InvalidScopeException.class,
            () -> ScopePolicy.narrow(Set.of("tasks:read"), "tasks:read admin", "this user"));
    assertEquals("The scope admin is not available to this user", e.getMessage());
  }

  @Test
  void availableScopesAreGranted() {
    assertEquals(
        Set.of("tasks:read"),
        ScopePolicy.narrow(Set.of("tasks:read", "tasks:write"), "tasks:read", "this user"));
    assertEquals(Set.of("tasks:read"), ScopePolicy.narrow(Set.of("tasks:read"), " ", "this user"));
  }
}
