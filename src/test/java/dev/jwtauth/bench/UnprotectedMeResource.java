package dev.jwtauth.bench;

import dev.jwtauth.guard.Jsons;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The benchmark's unprotected twin of {@code GET /api/me}: the same answer built the same way, from
 * fixed values instead of the caller's token, with no role check. Added to the WAR by {@link
 * BenchWars} only; never shipped.
 */
@RequestScoped
@Path("bench/me")
public class UnprotectedMeResource {

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public String me() {
    return fixedAnswer();
  }

  /** What {@code /api/me} answers for alice, from fixed values. */
  static String fixedAnswer() {
    return Jsons.object()
        .add("sub", "00000000-0000-0000-0000-000000000000")
        .add("username", "alice")
        .add("roles", Jsons.array(List.of("user")))
        .add("scope", "tasks:read tasks:write")
        .add("iat", 1_796_000_000L)
        .add("exp", 1_796_000_900L)
        .build()
        .toString();
  }
}
