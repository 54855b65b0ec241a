package dev.jwtauth.api.tasks;

import dev.jwtauth.api.http.InvalidRequestException;
import dev.jwtauth.guard.Jsons;
import dev.jwtauth.security.RequiresPermission;
import dev.jwtauth.security.RequiresScope;
import dev.jwtauth.tasks.TaskInput;
import dev.jwtauth.tasks.TaskService;
import dev.jwtauth.tasks.TaskService.Caller;
import dev.jwtauth.tasks.TaskView;
import dev.jwtauth.token.UserClaims;
import dev.jwtauth.users.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The task API (README.md, the API table): scopes and permissions per method, tenant and ownership
 * rules in the service.
 */
@RequestScoped
@Path("api/tasks")
@RolesAllowed("**")
@Produces(MediaType.APPLICATION_JSON)
public class TaskResource {

  @Inject TaskService tasks;
  @Inject JsonWebToken caller;
  @Context SecurityContext security;
  @Context UriInfo uri;

  /**
   * {@code ?view=own} (the default): the caller's tasks; {@code ?view=organization}: every task of
   * the caller's organization (permission {@code tasks:read:all}).
   */
  @GET
  @RequiresScope("tasks:read")
  public String list(@QueryParam("view") String view) {
    List<TaskView> found =
        switch (view == null ? "own" : view) {
          case "own" -> tasks.listOwn(caller());
          case "organization" -> tasks.listOrganization(caller());
          default -> throw new InvalidRequestException("view must be own or organization");
        };
    JsonArrayBuilder list = Jsons.array();
    found.forEach(task -> list.add(json(task)));
    return list.build().toString();
  }

  @POST
  @RequiresScope("tasks:write")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@Valid @NotNull(message = "a task body is required") TaskInput input) {
    TaskView task = tasks.create(caller(), input);
    return Response.created(uri.getAbsolutePathBuilder().path(task.id()).build())
        .entity(json(task).build().toString())
        .build();
  }

  @GET
  @Path("{id}")
  @RequiresScope("tasks:read")
  public String get(@PathParam("id") String id) {
    return json(tasks.get(caller(), id)).build().toString();
  }

  @PUT
  @Path("{id}")
  @RequiresScope("tasks:write")
  @Consumes(MediaType.APPLICATION_JSON)
  public String update(
      @PathParam("id") String id,
      @Valid @NotNull(message = "a task body is required") TaskInput input) {
    return json(tasks.update(caller(), id, input)).build().toString();
  }

  @DELETE
  @Path("{id}")
  @RequiresScope("tasks:write")
  @RequiresPermission("tasks:delete")
  public Response delete(@PathParam("id") String id) {
    tasks.delete(caller(), id);
    return Response.noContent().build();
  }

  /** The caller from their token's claims alone: no look-up. */
  private Caller caller() {
    Set<String> permissions = new HashSet<>();
    if (caller.getClaim("permissions") instanceof JsonArray granted) {
      granted.getValuesAs(JsonString.class).forEach(p -> permissions.add(p.getString()));
    }
    return new Caller(
        caller.getSubject(),
        security.isUserInRole(Roles.ADMIN),
        caller.getClaim(UserClaims.ORGANIZATION) instanceof String organization
            ? organization
            : null,
        permissions);
  }

  private static JsonObjectBuilder json(TaskView task) {
    JsonObjectBuilder json =
        Jsons.object()
            .add("id", task.id())
            .add("title", task.title())
            .add("done", task.done())
            .add("owner", task.owner())
            .add("created_at", task.createdAt().toString())
            .add("updated_at", task.updatedAt().toString());
    if (task.description() != null) {
      json.add("description", task.description());
    }
    if (task.organization() != null) {
      json.add("org_id", task.organization());
    }
    return json;
  }
}
