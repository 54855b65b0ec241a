package dev.jwtauth.it.rp;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContextWrapper;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Set;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.UnsupportedCallbackException;

/**
 * For WildFly: keeps the OpenID Connect mechanism of
 * {@code @OpenIdAuthenticationMechanismDefinition} signed in across its token refresh. On a request
 * where it refreshes, the mechanism names the signed-in caller to the container twice — first the
 * caller of the session, then the refreshed one — and WildFly's Elytron takes the second as a "run
 * as", which fails for a user who is not in WildFly's own realm (ELY01088). This wrapper holds the
 * first back until the mechanism is done: dropped when the mechanism logged the caller in again,
 * passed on otherwise. Added to the web application beside the annotation; it takes the mechanism's
 * place as a CDI alternative and delegates to it.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class OneCallerPerRequest implements HttpAuthenticationMechanism {

  @Inject BeanManager beans;

  private HttpAuthenticationMechanism openId;

  /** The mechanism the annotation defines: the other bean of this type. */
  @PostConstruct
  void findTheMechanism() {
    Bean<?> bean =
        beans.getBeans(HttpAuthenticationMechanism.class).stream()
            .filter(candidate -> !candidate.getTypes().contains(OneCallerPerRequest.class))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no OpenID Connect mechanism"));
    openId =
        (HttpAuthenticationMechanism)
            beans.getReference(
                bean, HttpAuthenticationMechanism.class, beans.createCreationalContext(bean));
  }

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
      throws AuthenticationException {
    HeldCaller held = new HeldCaller(context);
    AuthenticationStatus status = openId.validateRequest(request, response, held);
    held.passOn();
    return status;
  }

  @Override
  public AuthenticationStatus secureResponse(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
      throws AuthenticationException {
    return openId.secureResponse(request, response, context);
  }

  @Override
  public void cleanSubject(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    openId.cleanSubject(request, response, context);
  }

  /** The context the mechanism sees: a caller named through its handler waits. */
  private static final class HeldCaller extends HttpMessageContextWrapper {

    private Callback[] held;
    private boolean loggedIn;

    HeldCaller(HttpMessageContext context) {
      super(context);
    }

    @Override
    public CallbackHandler getHandler() {
      CallbackHandler handler = getWrapped().getHandler();
      return callbacks -> {
        if (callbacks.length == 1 && callbacks[0] instanceof CallerPrincipalCallback) {
          held = callbacks;
        } else {
          handler.handle(callbacks);
        }
      };
    }

    @Override
    public AuthenticationStatus notifyContainerAboutLogin(CredentialValidationResult result) {
      loggedIn = true;
      return super.notifyContainerAboutLogin(result);
    }

    @Override
    public AuthenticationStatus notifyContainerAboutLogin(Principal caller, Set<String> groups) {
      loggedIn = true;
      return super.notifyContainerAboutLogin(caller, groups);
    }

    @Override
    public AuthenticationStatus notifyContainerAboutLogin(String caller, Set<String> groups) {
      loggedIn = true;
      return super.notifyContainerAboutLogin(caller, groups);
    }

    /** The held caller, unless the mechanism has logged one in since. */
    void passOn() throws AuthenticationException {
      if (held != null && !loggedIn) {
        try {
          getWrapped().getHandler().handle(held);
        } catch (IOException | UnsupportedCallbackException e) {
          throw new AuthenticationException("The container refused the caller", e);
        }
      }
    }
  }
}
