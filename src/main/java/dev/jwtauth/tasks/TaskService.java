package dev.jwtauth.tasks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/**
 * Tasks with their ownership rule: the owner, or a caller with role {@code admin}, may touch a
 * task.
 */
@ApplicationScoped
public class TaskService {

  /** The caller as far as ownership goes. */
  public record Caller(String subject, boolean admin) {}

  @PersistenceContext(unitName = "auth")
  EntityManager em;

  @Inject Clock clock;

  public List<TaskView> listOwn(Caller caller) {
    return em.createQuery(
            "select t from Task t where t.owner = :owner order by t.createdAt", Task.class)
        .setParameter("owner", caller.subject())
        .getResultStream()
        .map(TaskView::of)
        .toList();
  }

  @Transactional
  public TaskView create(Caller caller, TaskInput input) {
    Task task = new Task(caller.subject(), input, clock.instant());
    em.persist(task);
    return TaskView.of(task);
  }

  public TaskView get(Caller caller, String id) {
    return TaskView.of(owned(caller, id));
  }

  @Transactional
  public TaskView update(Caller caller, String id, TaskInput input) {
    Task task = owned(caller, id);
    task.update(input, clock.instant());
    return TaskView.of(task);
  }

  @Transactional
  public void delete(Caller caller, String id) {
    em.remove(owned(caller, id));
  }

  private Task owned(Caller caller, String id) {
    Task task = id.length() > 36 ? null : em.find(Task.class, id);
    if (task == null) {
      throw new TaskNotFoundException();
    }
    if (!task.owner().equals(caller.subject()) && !caller.admin()) {
      throw new NotOwnerException();
    }
    return task;
  }
}
