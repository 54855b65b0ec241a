package dev.jwtauth.users;

import java.time.Instant;
import java.util.Set;

/**
 * A user as the edge sees it: no password hash, detached from the persistence context.
 *
 * @param permissions the direct grants (roles grant more)
 * @param organization the user's organization, or null
 */
public record UserView(
    String id,
    String username,
    Set<String> roles,
    boolean enabled,
    Instant createdAt,
    UserProfile profile,
    Set<String> permissions,
    String organization) {

  public UserView {
    roles = Set.copyOf(roles);
    permissions = Set.copyOf(permissions);
  }

  public static UserView of(UserAccount user) {
    return new UserView(
        user.id(),
        user.username(),
        user.roles(),
        user.enabled(),
        user.createdAt(),
        user.profile(),
        user.permissions(),
        user.organization());
  }
}
