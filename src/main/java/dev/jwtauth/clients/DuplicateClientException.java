package dev.jwtauth.clients;

import dev.jwtauth.error.ServiceException;

/** The client id is taken: 409 {@code conflict}. */
public final class DuplicateClientException extends ServiceException {

  DuplicateClientException(String id) {
    super(409, "conflict", "The client " + id + " already exists");
  }
}
