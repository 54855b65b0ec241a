package dev.jwtauth.api.auth;

import dev.jwtauth.error.ServiceException;

/**
 * A cookie-mode request without the session's CSRF token in the header and cookie: 403 {@code
 * csrf}.
 */
final class CsrfException extends ServiceException {

  CsrfException() {
    super(403, "csrf", "The X-CSRF-Token header must equal the csrf_token cookie of this session");
  }
}
