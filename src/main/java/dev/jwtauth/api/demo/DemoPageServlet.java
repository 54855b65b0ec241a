package dev.jwtauth.api.demo;

import dev.jwtauth.db.DatabaseSettings;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The demo page ({@code /demo/}, embedded mode only): static HTML, one script and one stylesheet of
 * its own that sign in with the code flow and PKCE as the public client {@code demo-spa}. No inline
 * script; the policy allows scripts, styles and calls to this origin only.
 */
@WebServlet("/demo/*")
public class DemoPageServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
          + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  private static final Map<String, String> FILES =
      Map.of(
          "/", "text/html; charset=utf-8",
          "/demo.js", "text/javascript; charset=utf-8",
          "/demo.css", "text/css; charset=utf-8");

  private static final Map<String, byte[]> CONTENT =
      Map.of(
          "/", read("index.html"),
          "/demo.js", read("demo.js"),
          "/demo.css", read("demo.css"));

  @Inject transient DatabaseSettings database;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = request.getPathInfo() == null ? "" : request.getPathInfo();
    if (!database.embedded() || path.isEmpty()) {
      // The page's URL is /demo/ exactly (its client's redirect URI); /demo goes there.
      if (database.embedded()) {
        // No body (sendRedirect writes one on WildFly and none on Payara).
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", "demo/");
      } else {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
      }
      return;
    }
    String type = FILES.get(path);
    if (type == null) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    response.setContentType(type);
    response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Cache-Control", "no-store");
    response.getOutputStream().write(CONTENT.get(path));
  }

  private static byte[] read(String name) {
    try (InputStream in = DemoPageServlet.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the WAR");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
