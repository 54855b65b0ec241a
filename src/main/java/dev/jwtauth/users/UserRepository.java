package dev.jwtauth.users;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

@ApplicationScoped
public class UserRepository {

  @PersistenceContext(unitName = "auth")
  EntityManager em;

  @Inject PasswordHasher hasher;
  @Inject Clock clock;

  public Optional<UserAccount> findByUsername(String username) {
    return em.createQuery(
            "select u from UserAccount u where u.username = :username", UserAccount.class)
        .setParameter("username", username)
        .getResultStream()
        .findFirst();
  }

  public Optional<UserAccount> findById(String id) {
    return Optional.ofNullable(em.find(UserAccount.class, id));
  }

  /** Replaces the password if {@code current} is right; false (and nothing changed) otherwise. */
  @Transactional
  public boolean changePassword(String id, char[] current, char[] replacement) {
    UserAccount user = em.find(UserAccount.class, id);
    if (user == null || !hasher.verify(current, user.passwordHash())) {
      return false;
    }
    user.passwordHash(hasher.hash(replacement));
    return true;
  }

  /** Replaces a verified user's password hash with one of today's kind and cost. */
  @Transactional
  public void rehash(String id, char[] password) {
    UserAccount user = em.find(UserAccount.class, id);
    if (user != null) {
      user.passwordHash(hasher.hash(password));
    }
  }

  public List<UserAccount> page(int page, int size) {
    return em.createQuery(
            "select u from UserAccount u order by u.createdAt, u.id", UserAccount.class)
        .setFirstResult(page * size)
        .setMaxResults(size)
        .getResultList();
  }

  public long count() {
    return em.createQuery("select count(u) from UserAccount u", Long.class).getSingleResult();
  }

  /**
   * Applies a patch of the profile, roles, direct permissions and organization (each checked by the
   * caller), in one transaction; empty if there is no such user.
   *
   * @param membership the new organization, or null to keep it
   * @return the user before and after
   */
  @Transactional
  public Optional<Change> update(
      String id,
      UserProfile profile,
      Set<String> roles,
      Set<String> permissions,
      Membership membership) {
    UserAccount user = em.find(UserAccount.class, id);
    if (user == null) {
      return Optional.empty();
    }
    UserView before = UserView.of(user);
    user.profile(profile, clock.instant());
    if (roles != null) {
      user.roles(roles);
    }
    if (permissions != null) {
      user.permissions(permissions);
    }
    if (membership != null) {
      user.organization(membership.organization());
    }
    em.flush();
    return Optional.of(new Change(before, UserView.of(user)));
  }

  /** A user before and after a change. */
  public record Change(UserView before, UserView after) {}

  /** Enables a disabled user; false if there is no such user. */
  @Transactional
  public boolean enable(String id) {
    UserAccount user = em.find(UserAccount.class, id);
    if (user == null) {
      return false;
    }
    user.enable();
    return true;
  }

  /** Disables the user; false if there is no such user. */
  @Transactional
  public boolean disable(String id) {
    UserAccount user = em.find(UserAccount.class, id);
    if (user == null) {
      return false;
    }
    user.disable();
    return true;
  }

  @Transactional
  public UserAccount create(String username, char[] password, Set<String> roles) {
    return create(username, password, roles, UserProfile.EMPTY, Set.of(), null);
  }

  /**
   * A new user with a profile, direct permissions and an organization or null (all checked by the
   * caller).
   */
  @Transactional
  public UserAccount create(
      String username,
      char[] password,
      Set<String> roles,
      UserProfile profile,
      Set<String> permissions,
      String organization) {
    UserAccount user = new UserAccount(username, hasher.hash(password), roles, clock.instant());
    user.profile(profile, clock.instant());
    user.permissions(permissions);
    user.organization(organization);
    em.persist(user);
    // A username taken at the same moment fails here, as a PersistenceException the caller can
    // catch, on every server: left to the commit, WildFly throws a checked RollbackException.
    em.flush();
    return user;
  }
}
