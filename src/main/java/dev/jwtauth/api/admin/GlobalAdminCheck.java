package dev.jwtauth.api.admin;

import dev.jwtauth.security.ErrorResponses;
import dev.jwtauth.token.UserClaims;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** {@link GlobalAdmin}: after the role and scope checks, a caller of an organization gets 403. */
@Provider
@GlobalAdmin
@Priority(Priorities.AUTHORIZATION + 2)
public class GlobalAdminCheck implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken token
        && token.getClaim(UserClaims.ORGANIZATION) != null) {
      request.abortWith(
          ErrorResponses.json(
              403,
              "forbidden",
              "An admin of an organization administers its tasks only; the service's"
                  + " administration is for admins without an organization"));
    }
  }
}
