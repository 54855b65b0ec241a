package dev.jwtauth.api;

import dev.jwtauth.clients.Client;
import dev.jwtauth.config.AuthSettings;
import dev.jwtauth.config.KeySettings;
import dev.jwtauth.json.Jsons;
import dev.jwtauth.keys.KeyRing;
import dev.jwtauth.token.ScopePolicy;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;

/** Discovery: the public keys (RFC 7517) and the server metadata (RFC 8414). */
@RequestScoped
@Path(".well-known")
@PermitAll
public class WellKnownResource {

  @Inject KeyRing keys;
  @Inject AuthSettings settings;
  @Inject KeySettings keySettings;
  @Inject ScopePolicy scopes;

  private static final List<String> CLIENT_AUTH_METHODS =
      List.of("client_secret_basic", "client_secret_post");

  /**
   * The JWK Set, from bytes serialized when the keys changed. Cached by clients for {@code
   * auth.keys.jwks-max-age} (the next key is published at least that long before it signs); a
   * client presenting the current entity tag gets 304 without a body.
   */
  @GET
  @Path("jwks.json")
  @Produces(MediaType.APPLICATION_JSON)
  public Response jwks(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    KeyRing.Jwks jwks = keys.jwks();
    Response.ResponseBuilder answer =
        matches(ifNoneMatch, jwks.etag())
            ? Response.notModified()
            : Response.ok(jwks.json(), MediaType.APPLICATION_JSON_TYPE);
    return answer
        .header(HttpHeaders.ETAG, jwks.etag())
        .header(
            HttpHeaders.CACHE_CONTROL, "public, max-age=" + keySettings.jwksMaxAge().toSeconds())
        .build();
  }

  /** RFC 9110 §13.1.2: {@code *}, or a list of tags compared weakly. */
  private static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.strip();
      if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
        return true;
      }
    }
    return false;
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

  /**
   * RFC 8414: what a standard client needs to find and call the token, revocation and introspection
   * endpoints.
   */
  private String metadata() {
    Set<String> allScopes = scopes.allowed(settings.roleScopes().keySet());
    String issuer = settings.issuer();
    return Jsons.object()
        .add("issuer", issuer)
        .add("jwks_uri", issuer + "/.well-known/jwks.json")
        .add("token_endpoint", issuer + "/oauth2/token")
        .add("revocation_endpoint", issuer + "/oauth2/revoke")
        .add("introspection_endpoint", issuer + "/oauth2/introspect")
        .add(
            "grant_types_supported",
            Jsons.array(
                List.of(
                    Client.PASSWORD,
                    Client.REFRESH_TOKEN,
                    Client.CLIENT_CREDENTIALS,
                    Client.TOKEN_EXCHANGE)))
        .add("token_endpoint_auth_methods_supported", Jsons.array(CLIENT_AUTH_METHODS).add("none"))
        .add(
            "revocation_endpoint_auth_methods_supported",
            Jsons.array(CLIENT_AUTH_METHODS).add("none"))
        .add("introspection_endpoint_auth_methods_supported", Jsons.array(CLIENT_AUTH_METHODS))
        .add("scopes_supported", Jsons.array(allScopes))
        .add(
            "claims_supported",
            Jsons.array(
                List.of(
                    "iss",
                    "sub",
                    "aud",
                    "exp",
                    "iat",
                    "nbf",
                    "jti",
                    "client_id",
                    "scope",
                    "groups",
                    "upn",
                    "preferred_username",
                    "sid",
                    "act")))
        .build()
        .toString();
  }
}
