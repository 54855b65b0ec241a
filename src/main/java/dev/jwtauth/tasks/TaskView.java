package dev.jwtauth.tasks;

import java.time.Instant;

/**
 * A task as the edge sees it: read-only, detached from the persistence context.
 *
 * @param organization the organization it belongs to, or null
 */
public record TaskView(
    String id,
    String owner,
    String organization,
    String title,
    String description,
    boolean done,
    Instant createdAt,
    Instant updatedAt) {

  static TaskView of(Task task) {
    return new TaskView(
        task.id(),
        task.owner(),
        task.organization(),
        task.title(),
        task.description(),
        task.done(),
        task.createdAt(),
        task.updatedAt());
  }
}
