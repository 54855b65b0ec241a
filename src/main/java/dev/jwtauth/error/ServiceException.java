package dev.jwtauth.error;

import java.util.Map;

/**
 * A failure the caller caused or must know about, with its HTTP answer: status, error code and a
 * description safe to show. Every feature's exceptions extend it, and one JAX-RS mapper turns them
 * all into {@code {"error","error_description"}}. No stack trace is captured: these are answers,
 * not bugs.
 */
public abstract class ServiceException extends RuntimeException {

  private final int status;
  private final String error;

  protected ServiceException(int status, String error, String description) {
    super(description, null, false, false);
    this.status = status;
    this.error = error;
  }

  public int status() {
    return status;
  }

  /**
   * The machine-readable code, e.g. {@code invalid_request}, {@code conflict}, {@code forbidden}.
   */
  public String error() {
    return error;
  }

  /**
   * Headers the answer must carry besides the JSON body (e.g. a {@code WWW-Authenticate}
   * challenge).
   */
  public Map<String, String> headers() {
    return Map.of();
  }
}
