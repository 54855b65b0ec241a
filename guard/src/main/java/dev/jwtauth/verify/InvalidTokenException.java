package dev.jwtauth.verify;

/** A presented access token was refused; {@link #reason()} says why. */
public final class InvalidTokenException extends Exception {

  private final Reason reason;

  public InvalidTokenException(Reason reason) {
    this(reason, reason.description());
  }

  public InvalidTokenException(Reason reason, String detail) {
    super(detail, null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
