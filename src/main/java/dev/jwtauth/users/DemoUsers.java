package dev.jwtauth.users;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The documented demo users of the embedded mode (docs/api.md); never created with another
 * database.
 */
@ApplicationScoped
public class DemoUsers {

  private static final Logger LOG = Logger.getLogger(DemoUsers.class.getName());

  @Inject UserRepository users;

  public void ensure() {
    ensure("alice", "alice-password", Set.of(Roles.USER));
    ensure("admin", "admin-password", Set.of(Roles.USER, Roles.ADMIN));
    LOG.warning(
        "Embedded mode with demo users: alice / alice-password (role user) and "
            + "admin / admin-password (roles user, admin). Use PostgreSQL for anything but trying the service.");
  }

  private void ensure(String username, String password, Set<String> roles) {
    if (users.findByUsername(username).isEmpty()) {
      users.create(username, password.toCharArray(), roles);
    }
  }
}
