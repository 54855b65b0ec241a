package dev.jwtauth.logging;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Every answer carries the request's id ({@code X-Request-Id}), the one its log lines and audit
 * rows name: set before anything answers, 401s and container errors included.
 */
@WebFilter(urlPatterns = "/*")
public class RequestIdFilter extends HttpFilter {

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader(RequestContext.HEADER, RequestContext.idOf(request));
    chain.doFilter(request, response);
  }
}
