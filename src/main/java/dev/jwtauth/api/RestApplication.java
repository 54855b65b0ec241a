package dev.jwtauth.api;

import dev.jwtauth.users.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Without {@code @DeclareRoles} Payara does not map token groups to these roles. */
@ApplicationPath("/")
@DeclareRoles({Roles.USER, Roles.ADMIN})
public class RestApplication extends Application {}
