package dev.jwtauth.it.rs;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * A stock MicroProfile JWT resource server, as a team consuming our tokens writes it: Payara's own
 * MP-JWT, configured only by MicroProfile Config (see ResourceServerIT), nothing of the token
 * service.
 */
@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({"user", "admin"})
public class ResourceServerApplication extends Application {}
