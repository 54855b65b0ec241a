package dev.jwtauth.admin;

import dev.jwtauth.error.ServiceException;

/** The username is taken: 409 {@code conflict}. */
public final class DuplicateUserException extends ServiceException {

  DuplicateUserException() {
    super(409, "conflict", "A user with this username exists already");
  }
}
