package dev.jwtauth.api.admin;

import dev.jwtauth.admin.OrganizationAdministration;
import dev.jwtauth.guard.Jsons;
import dev.jwtauth.organizations.OrganizationView;
import dev.jwtauth.security.RequiresScope;
import dev.jwtauth.token.ScopePolicy;
import dev.jwtauth.users.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
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
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Organizations (tenants), for global admins: an admin who belongs to an organization administers
 * the task API of that organization only, not the service.
 */
@RequestScoped
@Path("admin/organizations")
@RolesAllowed(Roles.ADMIN)
@GlobalAdmin
@RequiresScope(ScopePolicy.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminOrganizationsResource {

  @Inject OrganizationAdministration administration;
  @Inject JsonWebToken caller;
  @Context UriInfo uri;

  /** {@code {"id","name"}} → 201 with Location; a taken id → 409. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(
      @NotNull(message = "The request body must be a JSON object") OrganizationRequest request) {
    OrganizationView created =
        administration.create(request.id(), request.name(), caller.getSubject());
    return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
        .entity(json(created).build().toString())
        .build();
  }

  @GET
  public String list() {
    JsonArrayBuilder items = Jsons.array();
    administration.list().forEach(organization -> items.add(json(organization)));
    return Jsons.object().add("items", items).build().toString();
  }

  @GET
  @Path("{id}")
  public String get(@PathParam("id") String id) {
    return json(administration.get(id).orElseThrow(NotFoundException::new)).build().toString();
  }

  /** 204; 409 while it has members. */
  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") String id) {
    if (!administration.delete(id, caller.getSubject())) {
      throw new NotFoundException();
    }
    return Response.noContent().build();
  }

  private static JsonObjectBuilder json(OrganizationView organization) {
    return Jsons.object()
        .add("id", organization.id())
        .add("name", organization.name())
        .add("members", organization.members())
        .add("created_at", organization.createdAt().toString());
  }
}
