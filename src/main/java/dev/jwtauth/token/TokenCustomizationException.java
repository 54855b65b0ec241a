package dev.jwtauth.token;

import dev.jwtauth.error.ServiceException;

/**
 * An {@link AccessTokenCustomizer} failed: no token is issued. 500 {@code server_error}; the cause
 * is in the log, never in the answer.
 */
public final class TokenCustomizationException extends ServiceException {

  TokenCustomizationException() {
    super(500, "server_error", "The access token could not be issued");
  }
}
