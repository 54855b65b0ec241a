package dev.jwtauth.api.admin;

import dev.jwtauth.admin.KeyAdministration;
import dev.jwtauth.guard.Jsons;
import dev.jwtauth.keys.KeyState;
import dev.jwtauth.security.RequiresScope;
import dev.jwtauth.token.ScopePolicy;
import dev.jwtauth.users.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.Locale;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Signing keys (role and scope {@code admin}): docs/operations.md "Keys". */
@RequestScoped
@Path("admin/keys")
@RolesAllowed(Roles.ADMIN)
@GlobalAdmin
@RequiresScope(ScopePolicy.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminKeysResource {

  @Inject KeyAdministration keys;
  @Inject JsonWebToken caller;
  @Context UriInfo uri;

  /** A new key signs from now on → {@code {"kid"}}. */
  @POST
  @Path("rotate")
  public String rotate() {
    KeyState fresh = keys.rotate(caller.getSubject());
    return Jsons.object().add("kid", fresh.kid()).build().toString();
  }

  /**
   * Imports a private key → 201 with the key's state: the next key (published now, signing one JWKS
   * cache lifetime later) or, with {@code "activate": true}, the active key at once. A key that
   * cannot sign our tokens → 400; a kid taken → 409.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response importKey(
      @Valid @NotNull(message = "The request body must be a JSON object")
          KeyImportRequest request) {
    KeyState imported =
        keys.importKey(
            request.pem(),
            request.jwk() == null ? null : Jsons.object(request.jwk()).build().toString(),
            Boolean.TRUE.equals(request.activate()),
            caller.getSubject());
    return Response.created(uri.getAbsolutePathBuilder().path(imported.kid()).build())
        .entity(json(imported).build().toString())
        .build();
  }

  /** One key's state, as listed. */
  @GET
  @Path("{kid}")
  public String get(@PathParam("kid") String kid) {
    return keys.list().stream()
        .filter(key -> key.kid().equals(kid))
        .findFirst()
        .map(key -> json(key).build().toString())
        .orElseThrow(NotFoundException::new);
  }

  /** {@code {"keys":[{kid, algorithm, status, created_at, ...}]}}, oldest first. */
  @GET
  public String list() {
    JsonArrayBuilder items = Jsons.array();
    keys.list().forEach(key -> items.add(json(key)));
    return Jsons.object().add("keys", items).build().toString();
  }

  /** Withdraws a key at once: gone from the JWKS, every token it signed refused. */
  @DELETE
  @Path("{kid}")
  public Response withdraw(@PathParam("kid") String kid) {
    if (!keys.withdraw(kid, caller.getSubject())) {
      throw new NotFoundException();
    }
    return Response.noContent().build();
  }

  private static JsonObjectBuilder json(KeyState key) {
    JsonObjectBuilder json =
        Jsons.object()
            .add("kid", key.kid())
            .add("algorithm", key.algorithm())
            .add("status", key.status().name().toLowerCase(Locale.ROOT));
    add(json, "created_at", key.createdAt());
    add(json, "activate_at", key.activateAt());
    add(json, "activated_at", key.activatedAt());
    add(json, "retired_at", key.retiredAt());
    add(json, "unpublish_at", key.unpublishAt());
    return json;
  }

  private static void add(JsonObjectBuilder json, String name, Instant instant) {
    if (instant != null) {
      json.add(name, instant.toString());
    }
  }
}
