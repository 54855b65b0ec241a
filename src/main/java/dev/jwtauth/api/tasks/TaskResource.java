package dev.jwtauth.api.tasks;

import dev.jwtauth.guard.Jsons;
import dev.jwtauth.security.RequiresPermission;
import dev.jwtauth.security.RequiresScope;
import dev.jwtauth.tasks.TaskInput;
import dev.jwtauth.tasks.TaskService;
import dev.jwtauth.tasks.TaskService.Caller;
import dev.jwtauth.tasks.TaskView;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The task API (README.md, the API table): scopes per method, ownership in the service. */
@RequestScoped
@Path("api/tasks")
@RolesAllowed("**")
@Produces(MediaType.APPLICATION_JSON)
public class TaskResource {

  @Inject TaskService tasks;
  @Inject JsonWebToken caller;
  @Context SecurityContext security;
  @Context UriInfo uri;

  @GET
  @RequiresScope("tasks:read")
  public String list() {
    JsonArrayBuilder list = Jsons.array();
    tasks.listOwn(caller()).forEach(task -> list.add(json(task)));
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

  private Caller caller() {
    return new Caller(caller.getSubject(), security.isUserInRole(Roles.ADMIN));
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
    return json;
  }
}
