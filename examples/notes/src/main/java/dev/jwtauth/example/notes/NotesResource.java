package dev.jwtauth.example.notes;

import dev.jwtauth.security.RequiresScope;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A caller's notes, kept in memory by the token's {@code sub}: an example of a resource protected
 * by the guard, with nothing of the token service in it but the annotations.
 */
@Path("notes")
@ApplicationScoped
@RolesAllowed("user")
public class NotesResource {

  private final Map<String, List<String>> notes = new ConcurrentHashMap<>();

  @Inject JsonWebToken caller;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @RequiresScope("tasks:read")
  public String list() {
    JsonArrayBuilder items = Json.createArrayBuilder();
    notes.getOrDefault(caller.getSubject(), List.of()).forEach(items::add);
    return Json.createObjectBuilder()
        .add("owner", caller.getName())
        .add("notes", items)
        .build()
        .toString();
  }

  @POST
  @Consumes(MediaType.TEXT_PLAIN)
  @RequiresScope("tasks:write")
  public Response add(String text) {
    if (text == null || text.isBlank() || text.length() > 1000) {
      return Response.status(400)
          .type(MediaType.APPLICATION_JSON)
          .entity("{\"error\":\"invalid_request\",\"error_description\":\"1 to 1000 characters\"}")
          .build();
    }
    notes.computeIfAbsent(caller.getSubject(), sub -> new CopyOnWriteArrayList<>()).add(text);
    return Response.status(201).build();
  }
}
