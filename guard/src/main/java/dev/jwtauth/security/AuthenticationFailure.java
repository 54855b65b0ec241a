package dev.jwtauth.security;

import dev.jwtauth.verify.Reason;

/**
 * Why the credentials of a request were refused. The mechanism leaves the caller anonymous and
 * stores this on the request; protected endpoints answer with it, public ones ignore it.
 *
 * @param status 400 for invalid_request, 401 for invalid_token
 * @param error the RFC 6750 error code
 * @param description safe to show the client
 * @param reason the verifier's reason, or null when the request itself was malformed
 */
public record AuthenticationFailure(int status, String error, String description, Reason reason) {

  /** The request attribute (and JAX-RS request property) that holds the failure. */
  public static final String ATTRIBUTE = AuthenticationFailure.class.getName();

  public static AuthenticationFailure invalidToken(Reason reason, String description) {
    return new AuthenticationFailure(401, "invalid_token", description, reason);
  }

  public static AuthenticationFailure multipleCredentials() {
    return new AuthenticationFailure(
        400, "invalid_request", "The request carries more than one credential", null);
  }
}
