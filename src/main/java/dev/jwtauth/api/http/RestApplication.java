package dev.jwtauth.api.http;

import dev.jwtauth.users.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/** Without {@code @DeclareRoles} Payara does not map token groups to these roles. */
@ApplicationPath("/")
@DeclareRoles({Roles.USER, Roles.ADMIN})
public class RestApplication extends Application {

  /**
   * Jersey (Payara) would serve a generated WADL at /application.wadl and as the body of every
   * OPTIONS answer, naming its version; the API is described at /openapi. RESTEasy (WildFly) has no
   * WADL and ignores the property.
   */
  @Override
  public Map<String, Object> getProperties() {
    return Map.of("jersey.config.server.wadl.disableWadl", true);
  }
}
