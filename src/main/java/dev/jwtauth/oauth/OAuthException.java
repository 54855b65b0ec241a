package dev.jwtauth.oauth;

/** An RFC 6749 §5.2 (or RFC 8693 §2.2.2) error answer of the token endpoint. */
public final class OAuthException extends RuntimeException {

  private final int status;
  private final String error;

  public OAuthException(int status, String error, String description) {
    super(description, null, false, false);
    this.status = status;
    this.error = error;
  }

  public static OAuthException invalidRequest(String description) {
    return new OAuthException(400, "invalid_request", description);
  }

  public int status() {
    return status;
  }

  public String error() {
    return error;
  }
}
