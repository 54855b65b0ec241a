package dev.jwtauth.bench;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The benchmark's unprotected twin of the example's {@code GET /notes}: the same answer built the
 * same way, for a fixed owner, with no role or scope check. Added to a copy of the example's WAR by
 * {@link BenchWars} only.
 */
@ApplicationScoped
@Path("bench/notes")
public class UnprotectedNotesResource {

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public String list() {
    return Json.createObjectBuilder()
        .add("owner", "alice")
        .add("notes", Json.createArrayBuilder())
        .build()
        .toString();
  }
}
