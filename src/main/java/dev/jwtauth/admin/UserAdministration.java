package dev.jwtauth.admin;

import dev.jwtauth.audit.AuditEventType;
import dev.jwtauth.audit.AuditLog;
import dev.jwtauth.clients.ClientRegistry;
import dev.jwtauth.config.PasswordPolicy;
import dev.jwtauth.faults.DatabaseAvailability;
import dev.jwtauth.faults.DatabaseFailures;
import dev.jwtauth.organizations.InvalidOrganizationException;
import dev.jwtauth.organizations.OrganizationRegistry;
import dev.jwtauth.refresh.RefreshService;
import dev.jwtauth.revocation.RevocationService;
import dev.jwtauth.token.PermissionPolicy;
import dev.jwtauth.token.TokenSizeCheck;
import dev.jwtauth.users.Membership;
import dev.jwtauth.users.Roles;
import dev.jwtauth.users.UserAccount;
import dev.jwtauth.users.UserPatch;
import dev.jwtauth.users.UserProfile;
import dev.jwtauth.users.UserRepository;
import dev.jwtauth.users.UserView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** User management for admins: create, list, read, disable, revoke. */
@ApplicationScoped
public class UserAdministration {

  @Inject UserRepository users;
  @Inject ClientRegistry clients;
  @Inject RefreshService sessions;
  @Inject RevocationService revocations;
  @Inject PasswordPolicy passwords;
  @Inject AuditLog audit;
  @Inject DatabaseAvailability database;
  @Inject TokenSizeCheck tokenSize;
  @Inject OrganizationRegistry organizations;

  public UserView create(String username, char[] password, Set<String> roles, String adminId) {
    return create(username, password, roles, UserProfile.EMPTY, Set.of(), null, adminId);
  }

  /**
   * A new user with a profile, direct permissions and an organization (or null).
   *
   * @throws dev.jwtauth.users.InvalidProfileException naming the field that cannot be stored
   * @throws InvalidOrganizationException for an organization that does not exist
   */
  public UserView create(
      String username,
      char[] password,
      Set<String> roles,
      UserProfile profile,
      Set<String> permissions,
      String organization,
      String adminId) {
    Set<String> direct = PermissionPolicy.checkedDirect(permissions);
    if (!roles.isEmpty() && Roles.ALL.containsAll(roles)) {
      tokenSize.requireFits(username, profile, roles, direct);
    }
    database.check();
    if (!username.matches("[A-Za-z0-9._@-]{1,100}")) {
      throw new InvalidUserException("username must be 1-100 letters, digits or . _ @ -");
    }
    if (password.length < passwords.minLength()) {
      throw new InvalidUserException(
          "password must have at least " + passwords.minLength() + " characters");
    }
    if (roles.isEmpty() || !Roles.ALL.containsAll(roles)) {
      throw new InvalidUserException("roles must be a non-empty subset of " + Roles.ALL);
    }
    if (users.findByUsername(username).isPresent()) {
      throw new DuplicateUserException();
    }
    if (clients.find(username).isPresent()) {
      // A client's own tokens carry its id as upn, the name stock MP-JWT gives the caller.
      throw new InvalidUserException("username must not equal a client id");
    }
    requireOrganization(organization);
    UserAccount user;
    try {
      user = users.create(username, password, roles, profile, direct, organization);
    } catch (PersistenceException | TransactionalException e) {
      if (DatabaseFailures.isConflict(e)) {
        throw new DuplicateUserException(); // created concurrently: the unique constraint decided
      }
      if (DatabaseFailures.isForeignKeyViolation(e)) {
        throw noSuchOrganization(organization); // deleted at the same moment
      }
      throw e; // a database out of reach is 503 (ExceptionMappers), never a false 409
    }
    audit.record(
        AuditEventType.USER_CREATED,
        adminId,
        user.id(),
        null,
        "roles " + roles + (organization == null ? "" : ", organization " + organization));
    return UserView.of(user);
  }

  public List<UserView> page(int page, int size) {
    return users.page(page, size).stream().map(UserView::of).toList();
  }

  public long count() {
    return users.count();
  }

  public Optional<UserView> get(String id) {
    return id.length() > 36 ? Optional.empty() : users.findById(id).map(UserView::of);
  }

  /**
   * Applies a JSON Merge Patch to the user. A change of roles, permissions or organization ends the
   * user's access tokens issued before it (not their sessions): the old tokens stop within a second
   * on every node and the next refresh carries the new claims. {@code enabled: false} disables the
   * user as {@code DELETE} does.
   *
   * @return the user after, or empty if there is no such user
   * @throws dev.jwtauth.users.InvalidProfileException naming the field that cannot be stored
   */
  public Optional<UserView> patch(String userId, UserPatch patch, String adminId) {
    database.check();
    if (userId.length() > 36) {
      return Optional.empty();
    }
    Optional<UserAccount> current = users.findById(userId);
    if (current.isEmpty()) {
      return Optional.empty();
    }
    UserProfile profile = patch.applyTo(current.get().profile());
    Set<String> roles = patch.roles().map(this::checkedRoles).orElse(null);
    Set<String> direct = patch.permissions().map(PermissionPolicy::checkedDirect).orElse(null);
    tokenSize.requireFits(
        current.get().username(),
        profile,
        roles != null ? roles : current.get().roles(),
        direct != null ? direct : current.get().permissions());
    Membership membership = patch.organization().orElse(null);
    if (membership != null) {
      requireOrganization(membership.organization());
    }
    Optional<UserRepository.Change> changed;
    try {
      changed = users.update(userId, profile, roles, direct, membership);
    } catch (PersistenceException | TransactionalException e) {
      if (membership != null && DatabaseFailures.isForeignKeyViolation(e)) {
        throw noSuchOrganization(membership.organization()); // deleted at the same moment
      }
      throw e;
    }
    if (changed.isEmpty()) {
      return Optional.empty();
    }
    UserView before = changed.get().before();
    UserView after = changed.get().after();
    boolean claimsChanged =
        !before.roles().equals(after.roles())
            || !before.permissions().equals(after.permissions())
            || !Objects.equals(before.organization(), after.organization());
    if (claimsChanged) {
      revocations.revokeUser(userId, "claims_changed");
    }
    audit.record(
        AuditEventType.USER_UPDATED,
        adminId,
        userId,
        null,
        "fields " + patch.fields() + (claimsChanged ? ", access tokens revoked" : ""));
    Optional<Boolean> enabled = patch.enabled();
    if (enabled.isPresent() && enabled.get() != after.enabled()) {
      if (enabled.get()) {
        users.enable(userId);
      } else {
        disable(userId, adminId);
      }
    }
    return users.findById(userId).map(UserView::of);
  }

  private void requireOrganization(String organization) {
    if (organization != null && !organizations.exists(organization)) {
      throw noSuchOrganization(organization);
    }
  }

  private static InvalidOrganizationException noSuchOrganization(String organization) {
    return new InvalidOrganizationException(
        "organization: there is no organization " + organization);
  }

  private Set<String> checkedRoles(Set<String> roles) {
    if (roles.isEmpty() || !Roles.ALL.containsAll(roles)) {
      throw new InvalidUserException("roles must be a non-empty subset of " + Roles.ALL);
    }
    return roles;
  }

  /** Disables the user and revokes everything of theirs; false if no such user. */
  public boolean disable(String userId, String adminId) {
    database.check();
    if (userId.length() > 36 || !users.disable(userId)) {
      return false;
    }
    revokeEverything(userId, adminId);
    audit.record(AuditEventType.USER_DISABLED, adminId, userId, null, null);
    return true;
  }

  /**
   * Every session and every token issued so far to the user stops working; false if no such user.
   */
  public boolean revokeEverything(String userId, String adminId) {
    database.check();
    if (userId.length() > 36 || users.findById(userId).isEmpty()) {
      return false;
    }
    revocations.revokeUser(userId, "revoked_by_admin");
    sessions.endAllSessions(userId, adminId, "revoked_by_admin");
    return true;
  }
}
