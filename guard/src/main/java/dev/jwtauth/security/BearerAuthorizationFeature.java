package dev.jwtauth.security;

import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.security.Principal;
import java.util.List;
import java.util.function.Predicate;

/**
 * Enforces {@code @RolesAllowed} / {@code @DenyAll} and {@link RequiresScope} on resource methods
 * with the answers docs/api.md lists for protected endpoints: 400 for a malformed credential, 401
 * with a Bearer challenge when the token is missing or refused, 403 {@code forbidden} when a role
 * or a {@link RequiresPermission} permission is missing. The container's own answers are HTML
 * without {@code WWW-Authenticate}, hence this filter. The realm comes with each request from
 * {@link BearerAuthenticationMechanism}, which runs first.
 */
@Provider
public class BearerAuthorizationFeature implements DynamicFeature {

  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    Method method = resource.getResourceMethod();
    Class<?> type = resource.getResourceClass();
    RequiresScope scope =
        method.isAnnotationPresent(RequiresScope.class)
            ? method.getAnnotation(RequiresScope.class)
            : type.getAnnotation(RequiresScope.class);
    if (scope != null) {
      context.register(new ScopeCheck(scope.value()));
    }
    RequiresPermission permission =
        method.isAnnotationPresent(RequiresPermission.class)
            ? method.getAnnotation(RequiresPermission.class)
            : type.getAnnotation(RequiresPermission.class);
    if (permission != null) {
      context.register(new PermissionCheck(permission.value()));
    }
    if (method.isAnnotationPresent(PermitAll.class)) {
      return;
    }
    if (method.isAnnotationPresent(DenyAll.class)) {
      context.register(new RoleCheck(List.of()));
      return;
    }
    RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
    if (roles == null && !type.isAnnotationPresent(PermitAll.class)) {
      roles = type.getAnnotation(RolesAllowed.class);
    }
    if (roles != null) {
      context.register(new RoleCheck(List.of(roles.value())));
    } else if (type.isAnnotationPresent(DenyAll.class)) {
      context.register(new RoleCheck(List.of()));
    }
  }

  /** After the role check: the token must carry the scope (RFC 6750 §3.1 insufficient_scope). */
  @Priority(Priorities.AUTHORIZATION)
  static final class ScopeCheck implements ContainerRequestFilter {

    private final String scope;

    ScopeCheck(String scope) {
      this.scope = scope;
    }

    @Override
    public void filter(ContainerRequestContext request) {
      Object failure = request.getProperty(AuthenticationFailure.ATTRIBUTE);
      switch (scopeDecision(
          failure != null, request.getSecurityContext().getUserPrincipal(), scope)) {
        case UNAUTHENTICATED ->
            request.abortWith(
                ErrorResponses.unauthenticated((AuthenticationFailure) failure, realm(request)));
        case INSUFFICIENT_SCOPE ->
            request.abortWith(ErrorResponses.insufficientScope(realm(request), scope));
        default -> {}
      }
    }
  }

  /** After the role and scope checks: the token's user must hold the permission. */
  @Priority(Priorities.AUTHORIZATION + 1)
  static final class PermissionCheck implements ContainerRequestFilter {

    private final String permission;

    PermissionCheck(String permission) {
      this.permission = permission;
    }

    @Override
    public void filter(ContainerRequestContext request) {
      Object failure = request.getProperty(AuthenticationFailure.ATTRIBUTE);
      switch (permissionDecision(
          failure != null, request.getSecurityContext().getUserPrincipal(), permission)) {
        case UNAUTHENTICATED ->
            request.abortWith(
                ErrorResponses.unauthenticated((AuthenticationFailure) failure, realm(request)));
        case FORBIDDEN ->
            request.abortWith(
                ErrorResponses.json(
                    403, "forbidden", "The caller lacks the permission " + permission));
        default -> {}
      }
    }
  }

  /** Runs before Jersey's own role filter (AUTHORIZATION) so that our answers win. */
  @Priority(Priorities.AUTHENTICATION)
  static final class RoleCheck implements ContainerRequestFilter {

    private final List<String> roles;

    RoleCheck(List<String> roles) {
      this.roles = roles;
    }

    @Override
    public void filter(ContainerRequestContext request) {
      Object failure = request.getProperty(AuthenticationFailure.ATTRIBUTE);
      SecurityContext security = request.getSecurityContext();
      switch (roleDecision(
          failure != null, security.getUserPrincipal(), roles, security::isUserInRole)) {
        case UNAUTHENTICATED ->
            request.abortWith(
                ErrorResponses.unauthenticated((AuthenticationFailure) failure, realm(request)));
        case FORBIDDEN ->
            request.abortWith(
                ErrorResponses.json(403, "forbidden", "The caller lacks the role this needs"));
        default -> {}
      }
    }
  }

  /**
   * The same checks for a resource that decides itself whether a caller needs a token at all (e.g.
   * {@code /metrics}, open to allowed addresses).
   *
   * @return null when the caller has the role and the scope, else the RFC 6750 answer
   */
  public static Response refusal(
      HttpServletRequest request, SecurityContext security, String role, String scope) {
    Object failure = request.getAttribute(AuthenticationFailure.ATTRIBUTE);
    String realm =
        request.getAttribute(BearerAuthenticationMechanism.REALM_ATTRIBUTE) instanceof String r
            ? r
            : BearerAuthenticationMechanism.DEFAULT_REALM;
    Decision decision =
        roleDecision(
            failure != null, security.getUserPrincipal(), List.of(role), security::isUserInRole);
    if (decision == Decision.ALLOW) {
      decision = scopeDecision(false, security.getUserPrincipal(), scope);
    }
    return switch (decision) {
      case UNAUTHENTICATED ->
          ErrorResponses.unauthenticated((AuthenticationFailure) failure, realm);
      case FORBIDDEN ->
          ErrorResponses.json(403, "forbidden", "The caller lacks the role this needs");
      case INSUFFICIENT_SCOPE -> ErrorResponses.insufficientScope(realm, scope);
      case ALLOW -> null;
    };
  }

  /** What a check decides for one request; the filters turn it into the RFC 6750 answer. */
  enum Decision {
    ALLOW,
    /** No token, or a refused one: 401 (or 400 for a malformed credential). */
    UNAUTHENTICATED,
    /** A valid token without any of the roles: 403 forbidden. */
    FORBIDDEN,
    /** A valid token without the scope: 403 insufficient_scope. */
    INSUFFICIENT_SCOPE
  }

  /**
   * @param refused the mechanism refused the presented credentials
   * @param caller the authenticated caller, or null
   * @param roles any one of them is enough; {@code **} means any authenticated caller, none means
   *     nobody ({@code @DenyAll})
   */
  static Decision roleDecision(
      boolean refused, Principal caller, List<String> roles, Predicate<String> inRole) {
    if (refused || caller == null) {
      return Decision.UNAUTHENTICATED;
    }
    return roles.contains("**") || roles.stream().anyMatch(inRole)
        ? Decision.ALLOW
        : Decision.FORBIDDEN;
  }

  static Decision scopeDecision(boolean refused, Principal caller, String scope) {
    if (refused || caller == null) {
      return Decision.UNAUTHENTICATED;
    }
    return caller instanceof JwtCallerPrincipal jwt && jwt.token().scopes().contains(scope)
        ? Decision.ALLOW
        : Decision.INSUFFICIENT_SCOPE;
  }

  static Decision permissionDecision(boolean refused, Principal caller, String permission) {
    if (refused || caller == null) {
      return Decision.UNAUTHENTICATED;
    }
    return caller instanceof JwtCallerPrincipal jwt
            && jwt.token().permissions().contains(permission)
        ? Decision.ALLOW
        : Decision.FORBIDDEN;
  }

  /** The realm the mechanism put on the request (every request passes through it first). */
  static String realm(ContainerRequestContext request) {
    return request.getProperty(BearerAuthenticationMechanism.REALM_ATTRIBUTE)
            instanceof String realm
        ? realm
        : BearerAuthenticationMechanism.DEFAULT_REALM;
  }
}
