package dev.jwtauth.api;

import jakarta.enterprise.context.RequestScoped;
import dev.jwtauth.config.AuthSettings;
import dev.jwtauth.keys.KeyRing;
import dev.jwtauth.token.ScopePolicy;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;

/** Discovery: the public keys (RFC 7517) and the server metadata (RFC 8414). */
@RequestScoped
@Path(".well-known")
@PermitAll
public class WellKnownResource {

  @Inject KeyRing keys;
  @Inject AuthSettings settings;
  @Inject ScopePolicy scopes;

  @GET
  @Path("jwks.json")
  @Produces(MediaType.APPLICATION_JSON)
  public Response jwks() {
    // Short caching: resource servers pick up a rotated key within minutes, and refetch on an unknown kid.
    return Response.ok(keys.jwksJson()).header(HttpHeaders.CACHE_CONTROL, "public, max-age=300").build();
  }

  @GET
  @Path("oauth-authorization-server")
  @Produces(MediaType.APPLICATION_JSON)
  public String authorizationServerMetadata() {
    return metadata();
  }

  @GET
  @Path("openid-configuration")
  @Produces(MediaType.APPLICATION_JSON)
  public String openIdConfiguration() {
    return metadata();
  }

  /** Only what exists so far; each later endpoint adds its field. */
  private String metadata() {
    Set<String> allScopes = scopes.allowed(settings.roleScopes().keySet());
    String issuer = settings.issuer();
    return Json.createObjectBuilder()
        .add("issuer", issuer)
        .add("jwks_uri", issuer + "/.well-known/jwks.json")
        .add("scopes_supported", Json.createArrayBuilder(allScopes))
        .add("claims_supported", Json.createArrayBuilder(java.util.List.of(
            "iss", "sub", "aud", "exp", "iat", "nbf", "jti", "client_id", "scope", "groups", "upn",
            "preferred_username", "sid", "act")))
        .build()
        .toString();
  }
}
