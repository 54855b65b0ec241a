package dev.jwtauth.api.http;

import dev.jwtauth.throttle.TrustedProxies;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;

/**
 * Where the current request comes from: the TCP peer, or what trusted proxies say
 * (docs/security.md).
 */
@RequestScoped
public class RequestOrigin {

  @Inject HttpServletRequest request;
  @Inject TrustedProxies proxies;

  public String clientAddress() {
    return proxies.clientAddress(
        request.getRemoteAddr(),
        Collections.list(request.getHeaders("X-Forwarded-For")),
        Collections.list(request.getHeaders("Forwarded")));
  }
}
