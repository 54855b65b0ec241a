package dev.jwtauth.token;

import dev.jwtauth.clients.ClaimSet;
import dev.jwtauth.users.UserProfile;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The claims about a user that a client's claim set asks for, with their values: a user without a
 * value has no claim (never a null), and no fixed claim is ever among them. The organization is the
 * exception: a member's tokens always carry {@code org_id}, whatever the claim set, because the
 * tenant rules of every API decide from it: a token of a client that left it out would otherwise
 * look like one of a user without an organization (and an admin's, like a global admin's).
 */
public final class UserClaims {

  /** The claim of the user's organization (tenant). */
  public static final String ORGANIZATION = "org_id";

  private UserClaims() {}

  /**
   * @param claimSet the client's claim set (checked)
   * @param permissions what the user may do (roles' and direct grants)
   * @param organization the user's organization, or null
   */
  public static Map<String, Object> of(
      Set<String> claimSet,
      UserProfile profile,
      Collection<String> roles,
      Collection<String> permissions,
      String organization) {
    Map<String, Object> claims = new LinkedHashMap<>();
    if (organization != null) {
      claims.put(ORGANIZATION, organization);
    }
    List<String> sortedRoles = List.copyOf(new TreeSet<>(roles));
    for (String claim : new TreeSet<>(claimSet)) {
      switch (claim) {
        case "email" -> put(claims, claim, profile.email());
        case "email_verified" -> {
          if (profile.email() != null) {
            claims.put(claim, profile.emailVerified());
          }
        }
        case "name" -> put(claims, claim, profile.name());
        case "given_name" -> put(claims, claim, profile.givenName());
        case "family_name" -> put(claims, claim, profile.familyName());
        case "permissions" -> {
          if (!permissions.isEmpty()) {
            claims.put(claim, List.copyOf(new TreeSet<>(permissions)));
          }
        }
        case "roles" -> {
          if (!sortedRoles.isEmpty()) {
            claims.put(claim, sortedRoles);
          }
        }
        case "realm_access" -> claims.put(claim, Map.of("roles", sortedRoles));
        case "typ" -> claims.put(claim, "Bearer");
        default -> {
          if (claim.startsWith(ClaimSet.ATTRIBUTE_PREFIX)) {
            String key = claim.substring(ClaimSet.ATTRIBUTE_PREFIX.length());
            Object value = profile.attributes().get(key);
            if (value != null && !ClaimSet.FIXED.contains(key)) {
              claims.put(key, value);
            }
          }
        }
      }
    }
    return claims;
  }

  private static void put(Map<String, Object> claims, String name, String value) {
    if (value != null) {
      claims.put(name, value);
    }
  }
}
