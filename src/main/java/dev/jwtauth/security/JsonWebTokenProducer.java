package dev.jwtauth.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Makes {@code @Inject JsonWebToken} work: the caller's token, or an anonymous one with no claims.
 */
@ApplicationScoped
public class JsonWebTokenProducer {

  @Inject SecurityContext securityContext;

  @Produces
  @RequestScoped
  JsonWebToken currentToken() {
    return securityContext.getPrincipalsByType(JsonWebToken.class).stream()
        .findFirst()
        .orElse(JwtCallerPrincipal.ANONYMOUS);
  }
}
