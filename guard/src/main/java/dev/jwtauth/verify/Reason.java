package dev.jwtauth.verify;

/**
 * Why a presented access token was refused: becomes the {@code error_description}, log and metric
 * label.
 */
public enum Reason {
  TOO_LARGE("The access token is too large"),
  MALFORMED("The access token is not a well-formed JWS"),
  UNSECURED("Unsecured (alg none) tokens are not accepted"),
  ENCRYPTED("Encrypted (JWE) tokens are not accepted"),
  UNTRUSTED_HEADER(
      "The access token carries a key reference header (jku, x5u, jwk, x5c) that is not trusted"),
  UNKNOWN_CRITICAL_HEADER(
      "The access token has a critical header parameter that is not understood"),
  WRONG_TYPE("The access token has the wrong type (typ)"),
  UNKNOWN_KEY("The access token is signed with an unknown key"),
  ALGORITHM_NOT_ALLOWED("The access token's algorithm is not the one of its key"),
  BAD_SIGNATURE("The access token signature is invalid"),
  WRONG_ISSUER("The access token was issued by another issuer"),
  WRONG_AUDIENCE("The access token is not meant for this audience"),
  MISSING_CLAIM("The access token lacks a required claim"),
  EXPIRED("The access token expired"),
  NOT_YET_VALID("The access token is not valid yet"),
  LIFETIME_TOO_LONG("The access token lives longer than any token of this issuer"),
  REVOKED("The access token was revoked"),
  REVOCATION_STATE_UNAVAILABLE("Revocation state unavailable");

  private final String description;

  Reason(String description) {
    this.description = description;
  }

  /** Safe to send to the client: says what is wrong without echoing the token. */
  public String description() {
    return description;
  }
}
