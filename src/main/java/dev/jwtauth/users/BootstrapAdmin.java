package dev.jwtauth.users;

import dev.jwtauth.config.PasswordPolicy;
import dev.jwtauth.config.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Production mode's first user: {@code admin} with {@code auth.bootstrap.admin-password}, created
 * once.
 */
@ApplicationScoped
public class BootstrapAdmin {

  private static final Logger LOG = Logger.getLogger(BootstrapAdmin.class.getName());
  public static final String USERNAME = "admin";

  @Inject UserRepository users;
  @Inject Secrets secrets;
  @Inject PasswordPolicy passwords;

  /** Whether the user admin exists (created here or by another node). */
  public boolean exists() {
    return users.findByUsername(USERNAME).isPresent();
  }

  public void ensure() {
    if (secrets.bootstrapAdminPassword().isEmpty() || users.findByUsername(USERNAME).isPresent()) {
      return;
    }
    String password = secrets.bootstrapAdminPassword().get();
    if (password.length() < passwords.minLength()) {
      throw new IllegalStateException(
          "auth.bootstrap.admin-password (AUTH_BOOTSTRAP_ADMIN_PASSWORD) must have at least "
              + passwords.minLength()
              + " characters");
    }
    users.create(USERNAME, password.toCharArray(), Set.of(Roles.USER, Roles.ADMIN));
    LOG.info("Created the user admin (roles user, admin) from auth.bootstrap.admin-password");
  }
}
