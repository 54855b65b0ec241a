package dev.jwtauth.api.oauth;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * A JSON error answered on a {@link BrowserPage} — from the exception mappers: the database out of
 * reach, every password-hash slot busy — becomes a page of ours with the same status and {@code
 * Retry-After}: a person in a browser reads "try again shortly", not a JSON body.
 */
@Provider
@BrowserPage
public class BrowserErrorPages implements ContainerResponseFilter {

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    MediaType type = response.getMediaType();
    if (response.getStatus() < 400
        || type == null
        || !MediaType.APPLICATION_JSON_TYPE.isCompatible(type)) {
      return;
    }
    Response page =
        response.getStatus() == 503
            ? LoginPages.unavailablePage()
            : LoginPages.failurePage(response.getStatus());
    MultivaluedMap<String, Object> headers = response.getHeaders();
    page.getHeaders().forEach(headers::put);
    response.setEntity(page.getEntity(), null, page.getMediaType());
  }
}
