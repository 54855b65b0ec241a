package dev.jwtauth.security;

import static dev.jwtauth.security.BearerAuthorizationFeature.Decision.ALLOW;
import static dev.jwtauth.security.BearerAuthorizationFeature.Decision.FORBIDDEN;
import static dev.jwtauth.security.BearerAuthorizationFeature.Decision.INSUFFICIENT_SCOPE;
import static dev.jwtauth.security.BearerAuthorizationFeature.Decision.UNAUTHENTICATED;
import static dev.jwtauth.security.BearerAuthorizationFeature.permissionDecision;
import static dev.jwtauth.security.BearerAuthorizationFeature.roleDecision;
import static dev.jwtauth.security.BearerAuthorizationFeature.scopeDecision;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwtauth.verify.VerifiedToken;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The decisions behind {@code @RolesAllowed} / {@code @DenyAll} and {@code @RequiresScope}. */
class BearerAuthorizationFeatureTest {

  private final JwtCallerPrincipal caller =
      new JwtCallerPrincipal(
          new VerifiedToken(
              "raw",
              Map.of(
                  "sub",
                  "u-1",
                  "jti",
                  "j-1",
                  "groups",
                  List.of("user"),
                  "scope",
                  "tasks:read",
                  "permissions",
                  List.of("tasks:read", "tasks:delete"))));

  @Test
  void noCallerOrARefusedTokenIsUnauthenticated() {
    assertEquals(UNAUTHENTICATED, roleDecision(false, null, List.of("user"), role -> true));
    assertEquals(UNAUTHENTICATED, roleDecision(true, caller, List.of("user"), role -> true));
    assertEquals(UNAUTHENTICATED, scopeDecision(false, null, "tasks:read"));
    assertEquals(UNAUTHENTICATED, scopeDecision(true, caller, "tasks:read"));
  }

  @Test
  void anyOneOfTheRolesIsEnough() {
    Set<String> held = Set.of("user");
    assertEquals(ALLOW, roleDecision(false, caller, List.of("admin", "user"), held::contains));
    assertEquals(FORBIDDEN, roleDecision(false, caller, List.of("admin"), held::contains));
  }

  @Test
  void starStarIsAnyAuthenticatedCallerAndNoRoleIsNobody() {
    assertEquals(ALLOW, roleDecision(false, caller, List.of("**"), role -> false));
    assertEquals(FORBIDDEN, roleDecision(false, caller, List.of(), role -> true), "@DenyAll");
  }

  @Test
  void theTokenMustCarryTheScope() {
    assertEquals(ALLOW, scopeDecision(false, caller, "tasks:read"));
    assertEquals(INSUFFICIENT_SCOPE, scopeDecision(false, caller, "tasks:write"));
    assertEquals(
        INSUFFICIENT_SCOPE,
        scopeDecision(false, () -> "someone", "tasks:read"),
        "a principal that is not ours has no scopes");
  }

  /** {@code @RequiresPermission}: from the token's claim alone; no claim, no permission. */
  @Test
  void theTokenMustCarryThePermission() {
    assertEquals(ALLOW, permissionDecision(false, caller, "tasks:delete"));
    assertEquals(FORBIDDEN, permissionDecision(false, caller, "reports:export"));
    assertEquals(UNAUTHENTICATED, permissionDecision(true, caller, "tasks:delete"));
    assertEquals(UNAUTHENTICATED, permissionDecision(false, null, "tasks:delete"));
    JwtCallerPrincipal without =
        new JwtCallerPrincipal(new VerifiedToken("raw", Map.of("sub", "u-2", "jti", "j-2")));
    assertEquals(FORBIDDEN, permissionDecision(false, without, "tasks:delete"));
  }
}
