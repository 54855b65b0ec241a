package dev.jwtauth.api.oauth;

import dev.jwtauth.config.KeySettings;
import dev.jwtauth.keys.KeyRing;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /.well-known/jwks.json}: the JWK Set as bytes serialized when the keys changed, with
 * its entity tag; {@code If-None-Match} with it → 304. A plain servlet, not a JAX-RS resource:
 * every resource server and gateway fetches this, and the JAX-RS machinery was most of its cost
 * (docs/benchmarks.md).
 */
@WebServlet(urlPatterns = "/.well-known/jwks.json")
public class JwksServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject transient KeyRing keys;
  @Inject transient KeySettings keySettings;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String method = request.getMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      response.setHeader("Allow", "GET, HEAD");
      response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
      response.setContentType("application/json");
      response
          .getWriter()
          .write(
              "{\"error\":\"method_not_allowed\",\"error_description\":\"The JWK Set is read with GET\"}");
      return;
    }
    KeyRing.Jwks jwks = keys.jwks();
    response.setHeader("ETag", jwks.etag());
    response.setHeader("Cache-Control", "public, max-age=" + keySettings.jwksMaxAge().toSeconds());
    if (matches(request.getHeader("If-None-Match"), jwks.etag())) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    byte[] body = jwks.bytes();
    response.setContentType("application/json");
    response.setContentLength(body.length);
    if (method.equals("GET")) {
      response.getOutputStream().write(body);
    }
  }

  /** RFC 9110 §13.1.2: {@code *}, or a list of tags compared weakly. */
  static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.strip();
      if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
        return true;
      }
    }
    return false;
  }
}
