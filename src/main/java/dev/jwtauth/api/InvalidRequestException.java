package dev.jwtauth.api;

/** The request itself is malformed: 400 {@code invalid_request}. */
public final class InvalidRequestException extends RuntimeException {

  public InvalidRequestException(String message) {
    super(message, null, false, false);
  }
}
