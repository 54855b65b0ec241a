package dev.jwtauth.oauth;

import dev.jwtauth.error.ServiceException;
import java.util.Map;

/** An RFC 6749 §5.2 (or RFC 8693 §2.2.2) error answer of the token endpoint. */
public final class OAuthException extends ServiceException {

  public OAuthException(int status, String error, String description) {
    super(status, error, description);
  }

  public static OAuthException invalidRequest(String description) {
    return new OAuthException(400, "invalid_request", description);
  }

  /** RFC 6749 §5.1: token endpoint answers are never cached. */
  @Override
  public Map<String, String> headers() {
    return Map.of("Pragma", "no-cache");
  }
}
