package dev.jwtauth.tasks;

import dev.jwtauth.error.ServiceException;

/** 404 {@code not_found}. */
public final class TaskNotFoundException extends ServiceException {

  TaskNotFoundException() {
    super(404, "not_found", "No such task");
  }
}
