package dev.jwtauth.logging;

import dev.jwtauth.throttle.TrustedProxies;
import jakarta.inject.Inject;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;

/**
 * Gives each request its {@link RequestContext} before anything else runs (the authentication
 * mechanism included), and takes it away after. A listener rather than a filter: the container
 * calls it for every request, also those the authentication stage answers itself.
 */
@WebListener
public class RequestListener implements ServletRequestListener {

  @Inject TrustedProxies proxies;

  @Override
  public void requestInitialized(ServletRequestEvent event) {
    if (event.getServletRequest() instanceof HttpServletRequest request) {
      RequestContext.begin(
          RequestContext.idOf(request),
          () ->
              proxies.clientAddress(
                  request.getRemoteAddr(),
                  Collections.list(request.getHeaders("X-Forwarded-For")),
                  Collections.list(request.getHeaders("Forwarded"))));
    }
  }

  @Override
  public void requestDestroyed(ServletRequestEvent event) {
    RequestContext.end();
  }
}
