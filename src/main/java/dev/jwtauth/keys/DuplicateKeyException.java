package dev.jwtauth.keys;

import dev.jwtauth.error.ServiceException;

/** A key with this kid exists already: 409 {@code conflict}. */
public final class DuplicateKeyException extends ServiceException {

  DuplicateKeyException(String kid) {
    super(409, "conflict", "A key with kid " + kid + " exists already");
  }
}
