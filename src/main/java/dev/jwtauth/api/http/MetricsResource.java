package dev.jwtauth.api.http;

import dev.jwtauth.health.MetricsScrape;
import dev.jwtauth.metrics.MetricsAccess;
import dev.jwtauth.security.BearerAuthorizationFeature;
import dev.jwtauth.throttle.TrustedProxies;
import dev.jwtauth.token.ScopePolicy;
import dev.jwtauth.users.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code GET /metrics} in the Prometheus text format: for a scraper at an allowed address (default
 * loopback) without a token, else for role and scope {@code admin}.
 */
@RequestScoped
@Path("metrics")
public class MetricsResource {

  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  @Inject MetricsScrape metrics;
  @Inject MetricsAccess access;
  @Inject TrustedProxies proxies;
  @Inject RequestOrigin origin;
  @Context HttpServletRequest request;
  @Context SecurityContext security;

  @GET
  public Response scrape() {
    if (!access.allowsWithoutToken(
        origin.clientAddress(), request::getHeader, proxies.isTrusted(request.getRemoteAddr()))) {
      Response refusal =
          BearerAuthorizationFeature.refusal(request, security, Roles.ADMIN, ScopePolicy.ADMIN);
      if (refusal != null) {
        return refusal;
      }
    }
    return Response.ok(metrics.scrape(), PROMETHEUS_TEXT)
        .header("Cache-Control", "no-store")
        .build();
  }
}
