package dev.jwtauth.example.notes;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The roles the token service's tokens carry in {@code groups} (without it Payara maps none). */
@ApplicationPath("/")
@DeclareRoles({"user", "admin"})
public class NotesApplication extends Application {}
