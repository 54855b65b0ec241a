package dev.jwtauth.tasks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Tasks with their tenant and ownership rules, decided from the caller's token alone: a task
 * belongs to the organization its owner was in when it was made; nobody touches a task of another
 * organization; inside one, the owner or an admin of it may. An admin without an organization is a
 * global admin and may touch any task.
 */
@ApplicationScoped
public class TaskService {

  /** The permission to list every task of one's organization. */
  public static final String READ_ALL = "tasks:read:all";

  /**
   * The caller, as their token says.
   *
   * @param organization their {@code org_id}, or null
   * @param permissions their {@code permissions}
   */
  public record Caller(
      String subject, boolean admin, String organization, Set<String> permissions) {

    public Caller {
      permissions = Set.copyOf(permissions);
    }

    boolean globalAdmin() {
      return admin && organization == null;
    }
  }

  @PersistenceContext(unitName = "auth")
  EntityManager em;

  @Inject Clock clock;

  /** The caller's own tasks in their organization. */
  public List<TaskView> listOwn(Caller caller) {
    return inOrganization(
            "select t from Task t where t.owner = :owner and %s order by t.createdAt",
            caller.organization())
        .setParameter("owner", caller.subject())
        .getResultStream()
        .map(TaskView::of)
        .toList();
  }

  /**
   * Every task of the caller's organization (without one: every task of no organization).
   *
   * @throws NotOwnerException without permission {@link #READ_ALL}
   */
  public List<TaskView> listOrganization(Caller caller) {
    if (!caller.permissions().contains(READ_ALL)) {
      throw new NotOwnerException("Listing the organization's tasks needs permission " + READ_ALL);
    }
    return inOrganization(
            "select t from Task t where %s order by t.createdAt", caller.organization())
        .getResultStream()
        .map(TaskView::of)
        .toList();
  }

  @Transactional
  public TaskView create(Caller caller, TaskInput input) {
    Task task = new Task(caller.subject(), caller.organization(), input, clock.instant());
    em.persist(task);
    return TaskView.of(task);
  }

  public TaskView get(Caller caller, String id) {
    return TaskView.of(allowed(caller, id));
  }

  @Transactional
  public TaskView update(Caller caller, String id, TaskInput input) {
    Task task = allowed(caller, id);
    task.update(input, clock.instant());
    return TaskView.of(task);
  }

  @Transactional
  public void delete(Caller caller, String id) {
    em.remove(allowed(caller, id));
  }

  private TypedQuery<Task> inOrganization(String jpql, String organization) {
    if (organization == null) {
      return em.createQuery(jpql.formatted("t.organization is null"), Task.class);
    }
    return em.createQuery(jpql.formatted("t.organization = :organization"), Task.class)
        .setParameter("organization", organization);
  }

  private Task allowed(Caller caller, String id) {
    Task task = id.length() > 36 ? null : em.find(Task.class, id);
    if (task == null) {
      throw new TaskNotFoundException();
    }
    String refusal = refusal(caller, task.owner(), task.organization());
    if (refusal != null) {
      throw new NotOwnerException(refusal);
    }
    return task;
  }

  /** Why the caller may not touch a task of this owner and organization, or null if they may. */
  static String refusal(Caller caller, String owner, String organization) {
    if (caller.globalAdmin()) {
      return null;
    }
    if (!Objects.equals(organization, caller.organization())) {
      return "The task belongs to another organization";
    }
    if (!owner.equals(caller.subject()) && !caller.admin()) {
      return "Only the task's owner or an admin of its organization may do this";
    }
    return null;
  }
}
