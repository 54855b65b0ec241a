package dev.jwtauth.bench;

import dev.jwtauth.guard.Jsons;
import dev.jwtauth.users.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Halfway points between {@link UnprotectedMeResource} and {@code GET /api/me}, to find where the
 * protected resource's extra cost lies (the HTTP benchmark): the role check alone, and the injected
 * token alone.
 */
public final class ProbeMeResources {

  private ProbeMeResources() {}

  /** The twin behind {@code @RolesAllowed} (the role filters), answering fixed values. */
  @RequestScoped
  @Path("bench/me-roles")
  public static class RoleChecked {

    @GET
    @RolesAllowed(Roles.USER)
    @Produces(MediaType.APPLICATION_JSON)
    public String me() {
      return UnprotectedMeResource.fixedAnswer();
    }
  }

  /** The JWK Set as a JAX-RS resource (as it was before {@code JwksServlet}), for comparison. */
  @RequestScoped
  @Path("bench/jwks")
  public static class JaxRsJwks {

    @Inject dev.jwtauth.keys.KeyRing keys;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public jakarta.ws.rs.core.Response jwks() {
      dev.jwtauth.keys.KeyRing.Jwks jwks = keys.jwks();
      return jakarta.ws.rs.core.Response.ok(
              new String(jwks.bytes(), java.nio.charset.StandardCharsets.UTF_8),
              MediaType.APPLICATION_JSON_TYPE)
          .header("ETag", jwks.etag())
          .header("Cache-Control", "public, max-age=300")
          .build();
    }
  }

  /** The caller's token injected and read, no role check. */
  @RequestScoped
  @Path("bench/me-jwt")
  public static class JwtInjected {

    @Inject JsonWebToken caller;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String me() {
      String scope = caller.getClaim("scope");
      return Jsons.object()
          .add("sub", caller.getSubject())
          .add("username", caller.getName())
          .add("roles", Jsons.array(new TreeSet<>(caller.getGroups())))
          .add("scope", scope == null ? "" : scope)
          .add("iat", caller.getIssuedAtTime())
          .add("exp", caller.getExpirationTime())
          .build()
          .toString();
    }
  }
}
