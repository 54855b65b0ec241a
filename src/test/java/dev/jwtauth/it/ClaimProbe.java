package dev.jwtauth.it;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claim;
import org.eclipse.microprofile.jwt.Claims;

/**
 * Test deployments only: a resource written the way the README tells users to, with {@code @Claim}.
 */
@RequestScoped
@Path("test-support/claims")
@RolesAllowed("user")
public class ClaimProbe {

  @Inject
  @Claim(standard = Claims.sub)
  String subject;

  @Inject
  @Claim("groups")
  Set<String> groups;

  @Inject
  @Claim(standard = Claims.exp)
  Long expires;

  @Inject
  @Claim("scope")
  Optional<String> scope;

  @Inject
  @Claim("sid")
  Optional<String> sid;

  @Inject
  @Claim("act")
  Optional<String> actor;

  @Inject
  @Claim(standard = Claims.iat)
  JsonNumber issuedAt;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public String claims() {
    return Json.createObjectBuilder()
        .add("sub", subject)
        .add("groups", Json.createArrayBuilder(groups))
        .add("exp", expires)
        .add("scope", scope.orElse("-"))
        .add("has_sid", sid.isPresent())
        .add("has_act", actor.isPresent())
        .add("iat", issuedAt)
        .build()
        .toString();
  }
}
