package dev.jwtauth.api.oauth;

import dev.jwtauth.clients.ClaimSet;
import dev.jwtauth.clients.Client;
import dev.jwtauth.config.KeySettings;
import dev.jwtauth.config.TokenSettings;
import dev.jwtauth.guard.Jsons;
import dev.jwtauth.keys.KeyRing;
import dev.jwtauth.token.ScopePolicy;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Discovery: the server metadata (RFC 8414); the public keys are {@link JwksServlet}'s. */
@RequestScoped
@Path(".well-known")
@PermitAll
public class WellKnownResource {

  @Inject KeyRing keys;
  @Inject TokenSettings settings;
  @Inject KeySettings keySettings;
  @Inject ScopePolicy scopes;

  private static final List<String> ID_TOKEN_CLAIMS =
      List.of(
          "auth_time",
          "nonce",
          "at_hash",
          "azp",
          "name",
          "given_name",
          "family_name",
          "preferred_username",
          "updated_at",
          "email",
          "email_verified");

  private static final List<String> CLIENT_AUTH_METHODS =
      List.of("client_secret_basic", "client_secret_post");

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
        .add("authorization_endpoint", issuer + "/oauth2/authorize")
        .add("token_endpoint", issuer + "/oauth2/token")
        .add("userinfo_endpoint", issuer + "/oauth2/userinfo")
        .add("end_session_endpoint", issuer + "/oauth2/logout")
        .add("revocation_endpoint", issuer + "/oauth2/revoke")
        .add("introspection_endpoint", issuer + "/oauth2/introspect")
        .add(
            "grant_types_supported",
            Jsons.array(
                List.of(
                    Client.AUTHORIZATION_CODE,
                    Client.PASSWORD,
                    Client.REFRESH_TOKEN,
                    Client.CLIENT_CREDENTIALS,
                    Client.TOKEN_EXCHANGE)))
        .add("response_types_supported", Jsons.array(List.of("code")))
        .add("response_modes_supported", Jsons.array(List.of("query")))
        .add("subject_types_supported", Jsons.array(List.of("public")))
        .add("id_token_signing_alg_values_supported", Jsons.array(signingAlgorithms()))
        .add("code_challenge_methods_supported", Jsons.array(List.of("S256")))
        .add("authorization_response_iss_parameter_supported", true)
        .add("token_endpoint_auth_methods_supported", Jsons.array(CLIENT_AUTH_METHODS).add("none"))
        .add(
            "revocation_endpoint_auth_methods_supported",
            Jsons.array(CLIENT_AUTH_METHODS).add("none"))
        .add("introspection_endpoint_auth_methods_supported", Jsons.array(CLIENT_AUTH_METHODS))
        .add("scopes_supported", Jsons.array(allScopes))
        .add("claims_supported", Jsons.array(claims()))
        .build()
        .toString();
  }

  /** The algorithms of the keys that sign now or may sign next. */
  private Set<String> signingAlgorithms() {
    Set<String> algorithms = new TreeSet<>();
    algorithms.add(keySettings.algorithm());
    keys.states().forEach(state -> algorithms.add(state.algorithm()));
    return algorithms;
  }

  /** The access tokens' claims and the ID tokens' (OIDC Core §2, §5.1). */
  private static Set<String> claims() {
    Set<String> claims = new TreeSet<>(ClaimSet.supported());
    claims.addAll(ID_TOKEN_CLAIMS);
    return claims;
  }
}
