package dev.jwtauth.organizations;

import dev.jwtauth.error.ServiceException;

/** The id is taken, or the organization still has members: 409 {@code conflict}. */
public final class OrganizationConflictException extends ServiceException {

  OrganizationConflictException(String message) {
    super(409, "conflict", message);
  }
}
