package dev.jwtauth.api.me;

import dev.jwtauth.api.http.RequestOrigin;
import dev.jwtauth.guard.Jsons;
import dev.jwtauth.login.PasswordChangeService;
import dev.jwtauth.refresh.RefreshService;
import dev.jwtauth.refresh.SessionView;
import dev.jwtauth.users.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Caller self-service: who am I, my sessions, my password (docs/api.md). */
// One instance for every request (its fields are proxies): a request-scoped resource costs a bean
// and its injection on every call of the busiest protected endpoint.
@ApplicationScoped
@Path("api/me")
public class MeResource {

  @Inject JsonWebToken caller;
  @Inject RequestOrigin origin;
  @Inject RefreshService sessions;
  @Inject PasswordChangeService passwords;

  @GET
  @RolesAllowed(Roles.USER)
  @Produces(MediaType.APPLICATION_JSON)
  public String me() {
    String scope = caller.getClaim("scope");
    JsonObjectBuilder me =
        Jsons.object()
            .add("sub", caller.getSubject())
            .add("username", caller.getName())
            .add("roles", Jsons.array(new TreeSet<>(caller.getGroups())))
            .add("scope", scope == null ? "" : scope)
            .add("iat", caller.getIssuedAtTime())
            .add("exp", caller.getExpirationTime());
    if (caller.getClaim("permissions") instanceof JsonArray permissions) {
      me.add("permissions", permissions);
    }
    for (String claim : new String[] {"email", "name", "org_id"}) {
      if (caller.getClaim(claim) instanceof String value) {
        me.add(claim, value);
      }
    }
    if (caller.getClaim("act") instanceof JsonObject act) {
      me.add("act", act);
    }
    return me.build().toString();
  }

  @GET
  @Path("sessions")
  @RolesAllowed("**")
  @Produces(MediaType.APPLICATION_JSON)
  public String sessions() {
    String current = caller.getClaim("sid");
    JsonArrayBuilder list = Jsons.array();
    for (SessionView session : sessions.activeSessions(caller.getSubject())) {
      list.add(
          Jsons.object()
              .add("id", session.id())
              .add("client_id", session.clientId())
              .add("created_at", session.createdAt().toString())
              .add("last_used_at", session.lastUsedAt().toString())
              .add("expires_at", session.expiresAt().toString())
              .add("current", session.id().equals(current)));
    }
    return list.build().toString();
  }

  /** Another user's session id answers 404, exactly like one that does not exist. */
  @DELETE
  @Path("sessions/{id}")
  @RolesAllowed("**")
  public Response endSession(@PathParam("id") String id) {
    if (id.length() > 36 || !sessions.endSession(caller.getSubject(), id, "deleted_by_user")) {
      throw new NotFoundException();
    }
    return Response.noContent().build();
  }

  @POST
  @Path("password")
  @RolesAllowed("**")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response changePassword(
      @Valid @NotNull(message = "The request body must be a JSON object")
          PasswordChangeRequest request) {
    passwords.change(
        caller.getSubject(),
        caller.getName(),
        origin.clientAddress(),
        request.currentPassword().toCharArray(),
        request.newPassword().toCharArray());
    return Response.noContent().build();
  }
}
