package dev.jwtauth.organizations;

import dev.jwtauth.faults.DatabaseFailures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The organizations, with the rules of their ids and names and of deleting one. */
@ApplicationScoped
public class OrganizationRegistry {

  /** Lower-case letters, digits and dashes, 2 to 63 characters, not starting with a dash. */
  public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

  @PersistenceContext(unitName = "auth")
  EntityManager em;

  @Inject Clock clock;

  /**
   * @throws InvalidOrganizationException for a bad id or name
   * @throws OrganizationConflictException when the id is taken
   */
  @Transactional
  public OrganizationView create(String id, String name) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new InvalidOrganizationException(
          "id must be 2-63 lower-case letters, digits or dashes, not starting with a dash");
    }
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new InvalidOrganizationException("name must have 1-200 characters");
    }
    if (em.find(Organization.class, id) != null) {
      throw new OrganizationConflictException("The organization " + id + " already exists");
    }
    Organization organization = new Organization(id, name, clock.instant());
    em.persist(organization);
    try {
      em.flush();
    } catch (PersistenceException e) {
      if (DatabaseFailures.isConflict(e)) {
        throw new OrganizationConflictException("The organization " + id + " already exists");
      }
      throw e;
    }
    return view(organization);
  }

  public List<OrganizationView> list() {
    return em.createQuery("select o from Organization o order by o.id", Organization.class)
        .getResultStream()
        .map(this::view)
        .toList();
  }

  public Optional<OrganizationView> find(String id) {
    return id.length() > 63
        ? Optional.empty()
        : Optional.ofNullable(em.find(Organization.class, id)).map(this::view);
  }

  /** Whether the organization exists (a user may be put in it). */
  public boolean exists(String id) {
    return id.length() <= 63 && em.find(Organization.class, id) != null;
  }

  /**
   * Deletes an organization without members; false if there is none of that id.
   *
   * @throws OrganizationConflictException while it has members
   */
  @Transactional
  public boolean delete(String id) {
    Organization organization = id.length() > 63 ? null : em.find(Organization.class, id);
    if (organization == null) {
      return false;
    }
    if (members(id) > 0) {
      throw stillHasMembers(id);
    }
    em.remove(organization);
    em.flush();
    return true;
  }

  /** The refusal of deleting an organization with members. */
  public static OrganizationConflictException stillHasMembers(String id) {
    return new OrganizationConflictException(
        "The organization " + id + " still has members: move or disable them first");
  }

  private long members(String id) {
    return em.createQuery(
            "select count(u) from UserAccount u where u.organization = :id", Long.class)
        .setParameter("id", id)
        .getSingleResult();
  }

  private OrganizationView view(Organization organization) {
    return new OrganizationView(
        organization.id(),
        organization.name(),
        organization.createdAt(),
        members(organization.id()));
  }
}
