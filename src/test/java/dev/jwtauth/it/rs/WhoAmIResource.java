package dev.jwtauth.it.rs;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who the container says the caller is. */
@RequestScoped
@Path("whoami")
public class WhoAmIResource {

  @Inject JsonWebToken jwt;
  @Context SecurityContext security;

  @GET
  @RolesAllowed("user")
  @Produces(MediaType.APPLICATION_JSON)
  public String whoAmI() {
    return Json.createObjectBuilder()
        .add("principal", security.getUserPrincipal().getName())
        .add("sub", jwt.getSubject())
        .add("groups", Json.createArrayBuilder(new TreeSet<>(jwt.getGroups())))
        .add("in_role_user", security.isUserInRole("user"))
        .build()
        .toString();
  }
}
