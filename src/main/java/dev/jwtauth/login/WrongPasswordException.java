package dev.jwtauth.login;

import dev.jwtauth.error.ServiceException;

/** The current password given was wrong: 403 {@code forbidden}. */
public final class WrongPasswordException extends ServiceException {

  WrongPasswordException() {
    super(403, "forbidden", "The current password is not correct");
  }
}
