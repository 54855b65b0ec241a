package dev.jwtauth.security;

import dev.jwtauth.guard.GuardSettings;
import dev.jwtauth.verify.InvalidTokenException;
import dev.jwtauth.verify.Reason;
import dev.jwtauth.verify.TokenVerifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;

/**
 * Authenticates every request that carries {@code Authorization: Bearer}. It only extracts,
 * delegates and reports: a refused token leaves the caller anonymous with an {@link
 * AuthenticationFailure} on the request, so public endpoints still work and protected ones answer
 * per RFC 6750. Each decision is fired as a {@link BearerChecked} event (metrics observe it).
 */
@ApplicationScoped
public class BearerAuthenticationMechanism implements HttpAuthenticationMechanism {

  /**
   * The request attribute (and JAX-RS request property) with the realm of this service's
   * challenges.
   */
  public static final String REALM_ATTRIBUTE =
      BearerAuthenticationMechanism.class.getName() + ".realm";

  static final String DEFAULT_REALM = "auth";

  @Inject TokenVerifier verifier;
  @Inject GuardSettings settings;
  @Inject Event<BearerChecked> checked;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    // The authorization feature answers with the realm; it has no configuration of its own.
    request.setAttribute(REALM_ATTRIBUTE, settings.realm());
    BearerCredentials credentials =
        BearerCredentials.extract(Collections.list(request.getHeaders("Authorization")));
    switch (credentials.kind()) {
      case ABSENT:
        return context.doNothing();
      case MULTIPLE:
        return refuse(request, context, AuthenticationFailure.multipleCredentials());
      case EMPTY:
        checked.fire(new BearerChecked(Reason.MALFORMED, 0));
        return refuse(
            request,
            context,
            AuthenticationFailure.invalidToken(Reason.MALFORMED, "The bearer token is empty"));
      default:
        long start = System.nanoTime();
        try {
          JwtCallerPrincipal caller = new JwtCallerPrincipal(verifier.verify(credentials.token()));
          checked.fire(new BearerChecked(null, System.nanoTime() - start));
          return context.notifyContainerAboutLogin(caller, caller.getGroups());
        } catch (InvalidTokenException e) {
          checked.fire(new BearerChecked(e.reason(), System.nanoTime() - start));
          return refuse(
              request, context, AuthenticationFailure.invalidToken(e.reason(), e.getMessage()));
        }
    }
  }

  private static AuthenticationStatus refuse(
      HttpServletRequest request, HttpMessageContext context, AuthenticationFailure failure) {
    request.setAttribute(AuthenticationFailure.ATTRIBUTE, failure);
    return context.doNothing();
  }
}
