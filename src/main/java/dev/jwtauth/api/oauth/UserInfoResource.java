package dev.jwtauth.api.oauth;

import dev.jwtauth.authorize.UserInfo;
import dev.jwtauth.guard.Jsons;
import dev.jwtauth.security.RequiresScope;
import dev.jwtauth.verify.Scopes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * {@code /oauth2/userinfo} (OIDC Core §5.3): for an access token with scope {@code openid}, the
 * claims of its scopes. A bad token is refused by the bearer mechanism (401); a token without
 * {@code openid} gets 403 {@code insufficient_scope}.
 */
@RequestScoped
@Path("oauth2/userinfo")
public class UserInfoResource {

  @Inject JsonWebToken caller;
  @Inject UserInfo userInfo;

  @GET
  @RolesAllowed("**")
  @RequiresScope("openid")
  @Produces(MediaType.APPLICATION_JSON)
  public Response get() {
    String scope = caller.getClaim("scope");
    return Response.ok(
            Jsons.object(
                    userInfo.of(
                        caller.getSubject(),
                        caller.getName(),
                        Scopes.parse(scope == null ? "" : scope).values()))
                .build()
                .toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .build();
  }

  @POST
  @RolesAllowed("**")
  @RequiresScope("openid")
  @Produces(MediaType.APPLICATION_JSON)
  public Response post() {
    return get();
  }
}
