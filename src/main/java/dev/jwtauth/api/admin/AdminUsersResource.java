package dev.jwtauth.api.admin;

import dev.jwtauth.admin.UserAdministration;
import dev.jwtauth.api.http.JsonBodies;
import dev.jwtauth.api.http.QueryParams;
import dev.jwtauth.guard.Jsons;
import dev.jwtauth.security.RequiresScope;
import dev.jwtauth.token.ScopePolicy;
import dev.jwtauth.users.Roles;
import dev.jwtauth.users.UserPatch;
import dev.jwtauth.users.UserProfile;
import dev.jwtauth.users.UserView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** User administration (role {@code admin}). */
@RequestScoped
@Path("admin/users")
@RolesAllowed(Roles.ADMIN)
@GlobalAdmin
@RequiresScope(ScopePolicy.ADMIN) // the role says who may; the token's scope says this token may
@Produces(MediaType.APPLICATION_JSON)
public class AdminUsersResource {

  private static final int MAX_PAGE_SIZE = 100;
  static final String MERGE_PATCH = "application/merge-patch+json";

  @Inject UserAdministration administration;
  @Inject JsonWebToken caller;
  @Context UriInfo uri;

  /**
   * {@code {"username","password","roles":[...]}} → 201 with Location; duplicate → 409; weak
   * password → 400.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(
      @Valid @NotNull(message = "The request body must be a JSON object") UserRequest request) {
    Set<String> roles = request.roles() == null ? Set.of(Roles.USER) : request.roles();
    UserProfile profile =
        new UserProfile(
            request.email(),
            Boolean.TRUE.equals(request.emailVerified()),
            request.name(),
            request.givenName(),
            request.familyName(),
            UserProfile.attributesOf(request.attributes()));
    UserView user =
        administration.create(
            request.username(),
            request.password().toCharArray(),
            roles,
            profile,
            request.permissions(),
            request.organization(),
            caller.getSubject());
    return Response.created(uri.getAbsolutePathBuilder().path(user.id()).build())
        .entity(json(user).build().toString())
        .build();
  }

  /** {@code ?page=0&size=20} → {@code {"items":[...],"page","size","total"}}. */
  @GET
  public String list(
      @QueryParam("page") @DefaultValue("0") String page,
      @QueryParam("size") @DefaultValue("20") String size) {
    int pageNumber = QueryParams.number("page", page, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE);
    int pageSize = QueryParams.number("size", size, 1, MAX_PAGE_SIZE);
    JsonArrayBuilder items = Jsons.array();
    administration.page(pageNumber, pageSize).forEach(user -> items.add(json(user)));
    return Jsons.object()
        .add("items", items)
        .add("page", pageNumber)
        .add("size", pageSize)
        .add("total", administration.count())
        .build()
        .toString();
  }

  @GET
  @Path("{id}")
  public String get(@PathParam("id") String id) {
    return json(administration.get(id).orElseThrow(NotFoundException::new)).build().toString();
  }

  /**
   * A JSON Merge Patch (RFC 7396) of the profile, attributes, roles, permissions, organization and
   * enabled; the user as it is afterwards. A change of roles, permissions or organization ends the
   * user's access tokens (not their sessions). Another media type → 415.
   */
  @PATCH
  @Path("{id}")
  @Consumes(MERGE_PATCH)
  public String patch(@PathParam("id") String id, String body) {
    return json(administration
            .patch(id, new UserPatch(JsonBodies.object(body)), caller.getSubject())
            .orElseThrow(NotFoundException::new))
        .build()
        .toString();
  }

  /** Disables the user (kept for audit) and revokes all their sessions and tokens. */
  @DELETE
  @Path("{id}")
  public Response disable(@PathParam("id") String id) {
    if (!administration.disable(id, caller.getSubject())) {
      throw new NotFoundException();
    }
    return Response.noContent().build();
  }

  @POST
  @Path("{id}/revoke")
  public Response revoke(@PathParam("id") String id) {
    if (!administration.revokeEverything(id, caller.getSubject())) {
      throw new NotFoundException();
    }
    return Response.noContent().build();
  }

  private static JsonObjectBuilder json(UserView user) {
    UserProfile profile = user.profile();
    JsonObjectBuilder json =
        Jsons.object()
            .add("id", user.id())
            .add("username", user.username())
            .add("roles", Jsons.array(new TreeSet<>(user.roles())))
            .add("permissions", Jsons.array(new TreeSet<>(user.permissions())))
            .add("enabled", user.enabled())
            .add("created_at", user.createdAt().toString());
    add(json, "organization", user.organization());
    add(json, "email", profile.email());
    json.add("email_verified", profile.emailVerified());
    add(json, "name", profile.name());
    add(json, "given_name", profile.givenName());
    add(json, "family_name", profile.familyName());
    return json.add("attributes", profile.attributesJson());
  }

  private static void add(JsonObjectBuilder json, String name, String value) {
    if (value != null) {
      json.add(name, value);
    }
  }
}
