package dev.jwtauth.api.oauth;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The login page's one stylesheet (its policy allows styles from here only, none inline). */
@ApplicationScoped
@Path("oauth2/login.css")
@PermitAll
public class LoginStylesheet {

  private static final String CSS = read();

  @GET
  @Produces("text/css; charset=utf-8")
  public Response css() {
    return Response.ok(CSS).header("Cache-Control", "public, max-age=3600").build();
  }

  private static String read() {
    try (InputStream in = LoginStylesheet.class.getResourceAsStream("login.css")) {
      if (in == null) {
        throw new IllegalStateException("login.css is missing from the WAR");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
