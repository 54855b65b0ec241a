package dev.jwtauth.api.http;

import dev.jwtauth.clients.ClientRegistry;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * CORS for browser clients (docs/api.md "Sign in with OpenID Connect"): the endpoints a script of a
 * single-page application calls answer the origins of the registered redirect URIs, exactly, and no
 * other (a foreign origin gets no CORS header at all, so its browser refuses to read the answer).
 * No credentials: these endpoints take no cookie.
 */
@WebFilter(urlPatterns = {"/oauth2/token", "/oauth2/userinfo", "/oauth2/revoke", "/.well-known/*"})
public class CorsFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  static final String ALLOWED_METHODS = "GET, POST";
  static final String ALLOWED_HEADERS = "Authorization, Content-Type";
  static final String MAX_AGE_SECONDS = "600";

  @Inject transient ClientRegistry clients;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    // Whatever the origin, a cache must not give one origin's answer to another.
    response.addHeader("Vary", "Origin");
    String origin = request.getHeader("Origin");
    if (!clients.isBrowserOrigin(origin)) {
      chain.doFilter(request, response);
      return;
    }
    response.setHeader("Access-Control-Allow-Origin", origin);
    if ("OPTIONS".equals(request.getMethod())
        && request.getHeader("Access-Control-Request-Method") != null) {
      response.setHeader("Access-Control-Allow-Methods", ALLOWED_METHODS);
      response.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
      response.setHeader("Access-Control-Max-Age", MAX_AGE_SECONDS);
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
      return;
    }
    response.setHeader("Access-Control-Expose-Headers", "WWW-Authenticate");
    chain.doFilter(request, response);
  }
}
