package dev.jwtauth.tasks;

import dev.jwtauth.error.ServiceException;

/**
 * The caller may not touch the task: neither its owner nor an admin of its organization, or of
 * another organization altogether: 403 {@code forbidden}.
 */
public final class NotOwnerException extends ServiceException {

  NotOwnerException(String description) {
    super(403, "forbidden", description);
  }
}
