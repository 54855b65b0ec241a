package dev.jwtauth.tasks;

import dev.jwtauth.error.ServiceException;

/** The caller neither owns the task nor is an admin: 403 {@code forbidden}. */
public final class NotOwnerException extends ServiceException {

  NotOwnerException() {
    super(403, "forbidden", "Only the task's owner or an admin may do this");
  }
}
