package dev.jwtauth.admin;

import dev.jwtauth.audit.AuditEventType;
import dev.jwtauth.audit.AuditLog;
import dev.jwtauth.faults.DatabaseAvailability;
import dev.jwtauth.faults.DatabaseFailures;
import dev.jwtauth.organizations.OrganizationRegistry;
import dev.jwtauth.organizations.OrganizationView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import java.util.List;
import java.util.Optional;

/** Organizations for admins: create, list, read, delete (only without members), each audited. */
@ApplicationScoped
public class OrganizationAdministration {

  @Inject OrganizationRegistry registry;
  @Inject AuditLog audit;
  @Inject DatabaseAvailability database;

  public OrganizationView create(String id, String name, String adminId) {
    database.check();
    OrganizationView created = registry.create(id, name);
    audit.record(AuditEventType.ORGANIZATION_CREATED, adminId, null, null, "organization " + id);
    return created;
  }

  public List<OrganizationView> list() {
    return registry.list();
  }

  public Optional<OrganizationView> get(String id) {
    return registry.find(id);
  }

  /**
   * False if there is no such organization.
   *
   * @throws dev.jwtauth.organizations.OrganizationConflictException while it has members, also one
   *     who joined at the same moment (the users' foreign key decides)
   */
  public boolean delete(String id, String adminId) {
    database.check();
    boolean deleted;
    try {
      deleted = registry.delete(id);
    } catch (PersistenceException | TransactionalException e) {
      if (DatabaseFailures.isForeignKeyViolation(e)) {
        throw OrganizationRegistry.stillHasMembers(id);
      }
      throw e;
    }
    if (deleted) {
      audit.record(AuditEventType.ORGANIZATION_DELETED, adminId, null, null, "organization " + id);
    }
    return deleted;
  }
}
