package dev.jwtauth.admin;

import dev.jwtauth.error.ServiceException;

/** A revocation of a trusted issuer's tokens that cannot be made: 400 naming the field. */
public final class InvalidRevocationException extends ServiceException {

  public InvalidRevocationException(String description) {
    super(400, "invalid_request", description);
  }
}
