package dev.jwtauth.clients;

import dev.jwtauth.error.ServiceException;

/**
 * A client that cannot work as defined (id, grant types, lifetime): 400 {@code invalid_request}.
 */
public final class InvalidClientDefinitionException extends ServiceException {

  InvalidClientDefinitionException(String message) {
    super(400, "invalid_request", message);
  }
}
