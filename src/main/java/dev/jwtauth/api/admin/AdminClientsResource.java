package dev.jwtauth.api.admin;

import dev.jwtauth.admin.ClientAdministration;
import dev.jwtauth.clients.ClaimSet;
import dev.jwtauth.clients.Client;
import dev.jwtauth.clients.ClientRegistry;
import dev.jwtauth.clients.ClientView;
import dev.jwtauth.clients.SignIn;
import dev.jwtauth.config.TokenSettings;
import dev.jwtauth.guard.Jsons;
import dev.jwtauth.security.RequiresScope;
import dev.jwtauth.token.ScopePolicy;
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
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The OAuth client registry (role {@code admin}). A confidential client's secret is shown once, at
 * creation.
 */
@RequestScoped
@Path("admin/clients")
@RolesAllowed(Roles.ADMIN)
@GlobalAdmin
@RequiresScope(ScopePolicy.ADMIN) // the role says who may; the token's scope says this token may
@Produces(MediaType.APPLICATION_JSON)
public class AdminClientsResource {

  @Inject ClientAdministration administration;
  @Inject TokenSettings settings;
  @Inject JsonWebToken caller;
  @Context UriInfo uri;

  /**
   * {@code
   * {"client_id","type":"confidential"|"public","grant_types":[..],"scopes":[..],"audiences"?:[..],
   * "roles"?:[..],"access_token_ttl"?:seconds,"claims"?:[..],"revocation_feed"?:bool,"name"?,
   * "redirect_uris"?:[..],"post_logout_redirect_uris"?:[..]}} → 201 with Location and, for a
   * confidential client, {@code client_secret}; a taken id → 409.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(
      @Valid @NotNull(message = "The request body must be a JSON object") ClientRequest request) {
    Client client =
        new Client(
            request.clientId(),
            !"public".equals(request.type()),
            request.grantTypes(),
            orEmpty(request.scopes()),
            List.copyOf(request.audiences() != null ? request.audiences() : settings.audiences()),
            orEmpty(request.roles()),
            request.accessTokenTtl() == null
                ? null
                : Duration.ofSeconds(request.accessTokenTtl().longValueExact()),
            ClaimSet.checked(request.claims()),
            Boolean.TRUE.equals(request.revocationFeed()),
            new SignIn(request.name(), request.redirectUris(), request.postLogoutRedirectUris()));
    ClientRegistry.Registered registered = administration.register(client, caller.getSubject());
    JsonObjectBuilder answer = json(client, null);
    if (registered.secret() != null) {
      answer.add("client_secret", registered.secret());
    }
    return Response.created(uri.getAbsolutePathBuilder().path(client.id()).build())
        .header("Cache-Control", "no-store")
        .entity(answer.build().toString())
        .build();
  }

  @GET
  public String list() {
    JsonArrayBuilder items = Jsons.array();
    administration.list().forEach(view -> items.add(json(view.client(), view)));
    return items.build().toString();
  }

  @GET
  @Path("{id}")
  public String get(@PathParam("id") String id) {
    return administration
        .get(id)
        .map(view -> json(view.client(), view).build().toString())
        .orElseThrow(NotFoundException::new);
  }

  /**
   * 204; the first-party client {@code web} cannot be deleted (409). Every token the client was
   * issued stops working (docs/api.md).
   */
  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") String id) {
    if (!administration.delete(id, caller.getSubject())) {
      throw new NotFoundException();
    }
    return Response.noContent().build();
  }

  private static Set<String> orEmpty(Set<String> values) {
    return values == null ? Set.of() : values;
  }

  private static JsonObjectBuilder json(Client client, ClientView registered) {
    JsonObjectBuilder json =
        Jsons.object()
            .add("client_id", client.id())
            .add("type", client.confidential() ? "confidential" : "public")
            .add("grant_types", Jsons.array(new TreeSet<>(client.grantTypes())))
            .add("scopes", Jsons.array(new TreeSet<>(client.scopes())))
            .add("audiences", Jsons.array(client.audiences()))
            .add("roles", Jsons.array(new TreeSet<>(client.roles())))
            .add("claims", Jsons.array(new TreeSet<>(client.claims())))
            .add("revocation_feed", client.revocationFeed())
            .add("name", client.displayName())
            .add("redirect_uris", Jsons.array(client.signIn().redirectUris()))
            .add(
                "post_logout_redirect_uris", Jsons.array(client.signIn().postLogoutRedirectUris()));
    if (client.accessTokenTtl() != null) {
      json.add("access_token_ttl", client.accessTokenTtl().toSeconds());
    }
    if (registered != null) {
      json.add("created_at", registered.createdAt().toString());
    }
    return json;
  }
}
