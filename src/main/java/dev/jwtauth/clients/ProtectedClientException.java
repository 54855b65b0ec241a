package dev.jwtauth.clients;

import dev.jwtauth.error.ServiceException;

/** The first-party client cannot be deleted: 409 {@code conflict}. */
public final class ProtectedClientException extends ServiceException {

  ProtectedClientException(String id) {
    super(409, "conflict", "The first-party client " + id + " cannot be deleted");
  }
}
