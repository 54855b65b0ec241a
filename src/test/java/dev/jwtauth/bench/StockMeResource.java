package dev.jwtauth.bench;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * {@code GET /api/me} as a team would write it behind Payara's stock MP-JWT: the reference the
 * bearer check is compared with. It builds its answer like ours, with one JSON-P provider looked up
 * once, so that only the token checks differ.
 */
@RequestScoped
@Path("api/me")
public class StockMeResource {

  private static final JsonProvider JSON = JsonProvider.provider();

  @Inject JsonWebToken caller;

  @GET
  @RolesAllowed("user")
  @Produces(MediaType.APPLICATION_JSON)
  public String me() {
    String scope = caller.getClaim("scope");
    JsonObjectBuilder me =
        JSON.createObjectBuilder()
            .add("sub", caller.getSubject())
            .add("username", caller.getName())
            .add("roles", JSON.createArrayBuilder(new TreeSet<>(caller.getGroups())))
            .add("scope", scope == null ? "" : scope)
            .add("iat", caller.getIssuedAtTime())
            .add("exp", caller.getExpirationTime());
    return me.build().toString();
  }
}
