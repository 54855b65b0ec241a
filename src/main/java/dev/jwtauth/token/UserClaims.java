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
 * value has no claim (never a null), and no fixed claim is ever among them.
 */
public final class UserClaims {

  private UserClaims() {}

  /**
   * @param claimSet the client's claim set (checked)
   * @param permissions what the user may do (roles' and direct grants)
   */
  public static Map<String, Object> of(
      Set<String> claimSet,
      UserProfile profile,
      Collection<String> roles,
      Collection<String> permissions) {
    Map<String, Object> claims = new LinkedHashMap<>();
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
