package dev.jwtauth.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Request bodies over 64 KB are refused with 413 before anything reads them (PRODUCT.md §8 "Limits"). */
@WebFilter(urlPatterns = "/*")
public class RequestSizeFilter extends HttpFilter {

  static final long MAX_BODY_BYTES = 64 * 1024;

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getContentLengthLong() > MAX_BODY_BYTES) {
      response.setStatus(413);
      response.setContentType("application/json");
      response.setHeader("Connection", "close");
      response.getWriter().write(
          "{\"error\":\"invalid_request\",\"error_description\":\"The request body is larger than 64 KB\"}");
      return;
    }
    chain.doFilter(request, response);
  }
}
