package dev.jwtauth.it.rs;

import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Who the container says the caller is, with nothing of ours and no MicroProfile JWT: for a WAR
 * protected by the server's own mechanism alone (web.xml), such as WildFly's elytron-oidc-client.
 */
@WebServlet("/whoami")
public class ContainerWhoAmIServlet extends HttpServlet {

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setContentType("application/json");
    response
        .getWriter()
        .write(
            Json.createObjectBuilder()
                .add("principal", request.getUserPrincipal().getName())
                .add("in_role_user", request.isUserInRole("user"))
                .add("in_role_admin", request.isUserInRole("admin"))
                .build()
                .toString());
  }
}
