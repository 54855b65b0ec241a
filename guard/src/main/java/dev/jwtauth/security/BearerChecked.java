package dev.jwtauth.security;

import dev.jwtauth.verify.Reason;

/**
 * What the bearer mechanism decided about one presented token, fired as a synchronous CDI event:
 * metrics and logging observe it, the guard knows neither.
 *
 * @param refusal why the token was refused, or null when it was accepted
 * @param nanos how long the check took
 */
public record BearerChecked(Reason refusal, long nanos) {

  public boolean accepted() {
    return refusal == null;
  }
}
