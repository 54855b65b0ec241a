package dev.jwtauth.users;

import java.util.Set;

/**
 * The roles a user may hold: the one list. {@code @DeclareRoles} (which needs constants),
 * {@code @RolesAllowed}, user administration and the start-up check of {@code auth.role-scopes} all
 * read it from here.
 */
public final class Roles {

  public static final String USER = "user";
  public static final String ADMIN = "admin";

  /** Every role; a user holds a non-empty subset. */
  public static final Set<String> ALL = Set.of(USER, ADMIN);

  private Roles() {}
}
