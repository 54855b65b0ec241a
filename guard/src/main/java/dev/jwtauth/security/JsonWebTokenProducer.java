package dev.jwtauth.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Makes {@code @Inject JsonWebToken} work: the caller's token, or an anonymous one with no claims.
 * The token is the request's caller principal, the one {@link BearerAuthenticationMechanism} gave
 * the container; read from the request rather than by searching the security subject, which cost
 * more than the rest of the bearer check.
 */
@ApplicationScoped
public class JsonWebTokenProducer {

  @Inject HttpServletRequest request;

  @Produces
  @RequestScoped
  JsonWebToken currentToken() {
    return request.getUserPrincipal() instanceof JsonWebToken token
        ? token
        : JwtCallerPrincipal.ANONYMOUS;
  }
}
