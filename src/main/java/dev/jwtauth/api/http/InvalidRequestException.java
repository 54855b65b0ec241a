package dev.jwtauth.api.http;

import dev.jwtauth.error.ServiceException;

/** The request itself is malformed: 400 {@code invalid_request}. */
public final class InvalidRequestException extends ServiceException {

  public InvalidRequestException(String message) {
    super(400, "invalid_request", message);
  }
}
