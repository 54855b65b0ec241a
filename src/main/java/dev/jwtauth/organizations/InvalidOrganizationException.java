package dev.jwtauth.organizations;

import dev.jwtauth.error.ServiceException;

/** An organization that cannot be stored, or a user's organization that does not exist: 400. */
public final class InvalidOrganizationException extends ServiceException {

  public InvalidOrganizationException(String message) {
    super(400, "invalid_request", message);
  }
}
