package dev.jwtauth.api.admin;

import dev.jwtauth.admin.ExternalRevocations;
import dev.jwtauth.security.RequiresScope;
import dev.jwtauth.token.ScopePolicy;
import dev.jwtauth.users.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Revocations of a trusted issuer's tokens, for global admins: {@code {"issuer","subject"}} (every
 * token issued to that user so far) or {@code {"issuer","jti"}} (one token) → 204. Guards refuse
 * them within a second through the revocation feed.
 */
@RequestScoped
@Path("admin/revocations")
@RolesAllowed(Roles.ADMIN)
@GlobalAdmin
@RequiresScope(ScopePolicy.ADMIN)
public class AdminRevocationsResource {

  @Inject ExternalRevocations revocations;
  @Inject JsonWebToken caller;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response revoke(
      @NotNull(message = "The request body must be a JSON object")
          ExternalRevocationRequest request) {
    revocations.revoke(request.issuer(), request.subject(), request.jti(), caller.getSubject());
    return Response.noContent().build();
  }
}
