package dev.jwtauth.api.http;

import dev.jwtauth.security.ErrorResponses;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import java.util.List;

/**
 * Media types are strict (docs/security.md): a body sent to a resource method that declares
 * {@code @Consumes} must say it is of that type. JAX-RS alone lets a request without {@code
 * Content-Type} match any method, so a JSON endpoint would read a body of any kind; here such a
 * request, or one with a wildcard type, gets 415 with a JSON error before the method runs (so it
 * never counts as a login attempt). A request without a body and without a type passes: cookie-mode
 * {@code /auth/refresh} has nothing to send (it declares {@code @Consumes({APPLICATION_JSON,
 * WILDCARD})} so that the JAX-RS implementation lets it through too).
 */
@Provider
public class MediaTypeFeature implements DynamicFeature {

  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    Consumes consumes =
        resource.getResourceMethod().isAnnotationPresent(Consumes.class)
            ? resource.getResourceMethod().getAnnotation(Consumes.class)
            : resource.getResourceClass().getAnnotation(Consumes.class);
    if (consumes == null) {
      return;
    }
    // A wildcard beside a concrete type (cookie-mode /auth/refresh) lets a request without body
    // and type reach the method on every JAX-RS implementation (RESTEasy, on WildFly, answers 415
    // before any filter runs otherwise); a body must still be of one of the concrete types.
    List<MediaType> accepted =
        Arrays.stream(consumes.value())
            .map(MediaType::valueOf)
            .filter(type -> !type.isWildcardType())
            .toList();
    if (!accepted.isEmpty()) {
      context.register(new RequireMediaType(accepted));
    }
  }

  /**
   * After authentication and authorization: an anonymous caller learns nothing about the body it
   * should send.
   */
  @Priority(Priorities.ENTITY_CODER)
  static final class RequireMediaType implements ContainerRequestFilter {

    private final List<MediaType> accepted;

    RequireMediaType(List<MediaType> accepted) {
      this.accepted = accepted;
    }

    @Override
    public void filter(ContainerRequestContext request) {
      MediaType type = request.getMediaType();
      if (type == null && !hasBody(request)) {
        return;
      }
      boolean acceptable =
          type != null
              && !type.isWildcardType()
              && !type.isWildcardSubtype()
              && accepted.stream().anyMatch(type::isCompatible);
      if (!acceptable) {
        request.abortWith(
            ErrorResponses.json(
                415,
                "unsupported_media_type",
                "The request body must be "
                    + String.join(" or ", accepted.stream().map(MediaType::toString).toList())));
      }
    }

    /**
     * RESTEasy (WildFly) says a request without {@code Content-Type} has no entity even when it has
     * bytes; the framing headers say it for both servers.
     */
    private static boolean hasBody(ContainerRequestContext request) {
      String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
      return request.hasEntity()
          || request.getHeaderString("Transfer-Encoding") != null
          || (length != null && !length.strip().equals("0"));
    }
  }
}
