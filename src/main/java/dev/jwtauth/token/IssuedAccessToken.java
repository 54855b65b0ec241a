package dev.jwtauth.token;

import dev.jwtauth.verify.Scopes;
import java.time.Instant;
import java.util.Set;

/** A freshly signed access token and what the token response says about it. */
public record IssuedAccessToken(
    String token, String jti, Instant expiresAt, long expiresInSeconds, Set<String> scopes) {

  /** Scopes as the space-separated string of the token response and the {@code scope} claim. */
  public String scope() {
    return Scopes.of(scopes).toString();
  }
}
