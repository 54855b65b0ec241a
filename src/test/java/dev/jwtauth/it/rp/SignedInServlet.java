package dev.jwtauth.it.rp;

import jakarta.annotation.security.DeclareRoles;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A Jakarta EE web application signing its users in through the token service with Jakarta
 * Security's own OpenID Connect mechanism, as a confidential client: nothing of ours in it. With
 * {@code tokenMinValidity} longer than their lifetime, its access tokens are refreshed on every
 * request, so that staying signed in across a refresh is seen at once.
 */
@OpenIdAuthenticationMechanismDefinition(
    providerURI = "${relyingParty.provider}",
    clientId = "${relyingParty.clientId}",
    clientSecret = "${relyingParty.clientSecret}",
    redirectURI = "${baseURL}/callback",
    tokenAutoRefresh = true,
    tokenMinValidityExpression = "${relyingParty.tokenMinValidity}")
@DeclareRoles({"user", "admin"})
@WebServlet("/*")
@ServletSecurity(@HttpConstraint(rolesAllowed = "user"))
public class SignedInServlet extends HttpServlet {

  @Inject OpenIdContext openId;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setContentType("application/json");
    response
        .getWriter()
        .write(
            Json.createObjectBuilder()
                .add("caller", request.getUserPrincipal().getName())
                .add("in_role_user", request.isUserInRole("user"))
                .add("in_role_admin", request.isUserInRole("admin"))
                .add("subject", openId.getSubject())
                .add(
                    "access_token_jti",
                    openId.getAccessToken().getJwtClaims().getStringClaim("jti").orElse(""))
                .add(
                    "id_token_sid",
                    openId.getIdentityToken().getJwtClaims().getStringClaim("sid").orElse(""))
                .build()
                .toString());
  }
}
