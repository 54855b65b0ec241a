package dev.jwtauth.token;

import dev.jwtauth.users.InvalidProfileException;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Fine-grained rights ({@code tasks:delete}, {@code reports:export}): each role grants a set
 * ({@code auth.role-permissions}) and a user may hold more directly; a token's {@code permissions}
 * claim is the union. Scopes still bound what a token may do; permissions say what the user may do
 * inside it.
 */
public final class PermissionPolicy {

  public static final int MAX_DIRECT = 64;
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_.:-]{0,63}");

  private final Map<String, Set<String>> byRole;

  public PermissionPolicy(Map<String, Set<String>> byRole) {
    for (Set<String> permissions : byRole.values()) {
      permissions.forEach(
          permission -> {
            if (!NAME.matcher(permission).matches()) {
              throw new IllegalArgumentException(
                  "auth.role-permissions: " + permission + " is not a permission name");
            }
          });
    }
    this.byRole = Map.copyOf(byRole);
  }

  /** The union of what the roles grant and the direct grants, sorted. */
  public SortedSet<String> of(Collection<String> roles, Collection<String> direct) {
    SortedSet<String> all = new TreeSet<>(direct);
    for (String role : roles) {
      all.addAll(byRole.getOrDefault(role, Set.of()));
    }
    return all;
  }

  /**
   * Direct grants as the admin API takes them.
   *
   * @throws InvalidProfileException naming the field for a bad name or too many
   */
  public static Set<String> checkedDirect(Collection<String> permissions) {
    if (permissions == null) {
      return Set.of();
    }
    if (permissions.size() > MAX_DIRECT) {
      throw new InvalidProfileException(
          "permissions must have at most " + MAX_DIRECT + " entries, not " + permissions.size());
    }
    for (String permission : permissions) {
      if (permission == null || !NAME.matcher(permission).matches()) {
        throw new InvalidProfileException(
            "permissions: "
                + permission
                + " is not a permission (a lower-case letter, then letters, digits or _ . : -)");
      }
    }
    return Set.copyOf(new TreeSet<>(permissions));
  }
}
