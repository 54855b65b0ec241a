package dev.jwtauth.authorize;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.jwtauth.clients.Client;
import dev.jwtauth.clients.ClientRegistry;
import dev.jwtauth.config.TokenSettings;
import dev.jwtauth.keys.KeyRing;
import dev.jwtauth.metrics.AuthMetrics;
import dev.jwtauth.refresh.RefreshService;
import dev.jwtauth.sso.BrowserSession;
import dev.jwtauth.sso.BrowserSessions;
import dev.jwtauth.verify.VerificationKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.util.List;
import java.util.Optional;

/**
 * RP-Initiated Logout 1.0: ends the browser session (found by its cookie, or by the {@code sid} of
 * an ID token we signed) and every session started through it, and says where the browser may go:
 * only to a {@code post_logout_redirect_uri} registered for the client.
 */
@ApplicationScoped
public class SignOutService {

  /**
   * What a logout request says.
   *
   * @param browserSessionValue the {@code __Host-sso} cookie, or null
   * @param idTokenHint an ID token we issued (expired ones too), or null
   * @param clientId the client, or null (then the hint's {@code aud})
   * @param postLogoutRedirectUri where the client asks the browser to go, or null
   * @param confirmed whether the user confirmed it on our page (its CSRF token checked)
   */
  public record SignOut(
      String browserSessionValue,
      String idTokenHint,
      String clientId,
      String postLogoutRedirectUri,
      boolean confirmed) {}

  /**
   * What the endpoint answers.
   *
   * @param askFirst the browser's session was not ended: the user is to confirm it first
   * @param clientName the display name of the client that asks, or null when none is known
   * @param back the registered {@code post_logout_redirect_uri} to send the browser to, or empty
   *     (then a "signed out" page)
   */
  public record SignedOut(boolean askFirst, String clientName, Optional<String> back) {}

  @Inject BrowserSessions browserSessions;
  @Inject RefreshService sessions;
  @Inject ClientRegistry clients;
  @Inject KeyRing keys;
  @Inject TokenSettings settings;
  @Inject AuthMetrics metrics;

  /**
   * Ends the session an ID token hint names at once (only the client it was issued to holds it).
   * The browser's own session (its cookie) ends at once too when it is that one; any other — no
   * hint, or a hint of another session — only once the user has confirmed it on our page
   * (RP-Initiated Logout 1.0 §2: the OP must ask), so that a link on another site cannot sign
   * anyone out.
   */
  public SignedOut signOut(SignOut request) {
    Optional<JWTClaimsSet> hint = verifiedHint(request.idTokenHint());
    Optional<String> hintedSession =
        hint.map(claims -> claims.getClaim("sid"))
            .filter(String.class::isInstance)
            .map(String.class::cast);
    Optional<String> browserSession =
        browserSessions
            .ofValue(request.browserSessionValue())
            .map(BrowserSession::id)
            .filter(browserSessions::live);
    hintedSession.ifPresent(this::end);
    String clientId =
        request.clientId() != null
            ? request.clientId()
            : hint.map(JWTClaimsSet::getAudience)
                .filter(audience -> audience.size() == 1)
                .map(audience -> audience.get(0))
                .orElse(null);
    Optional<Client> client = clientId == null ? Optional.empty() : clients.find(clientId);
    Optional<String> back = client.flatMap(known -> back(known, request, hint));
    String clientName = client.map(Client::displayName).orElse(null);
    if (browserSession.isPresent() && !browserSession.equals(hintedSession)) {
      if (!request.confirmed()) {
        metrics.signIn("logout", "asked");
        return new SignedOut(true, clientName, back);
      }
      end(browserSession.get());
    }
    return new SignedOut(false, clientName, back);
  }

  private void end(String browserSessionId) {
    if (sessions.endBrowserSession(browserSessionId, "logout")) {
      metrics.signIn("logout", "ended");
    }
  }

  /**
   * The request's {@code post_logout_redirect_uri} if registered for the client (and the hint's).
   */
  private static Optional<String> back(
      Client client, SignOut request, Optional<JWTClaimsSet> hint) {
    if (request.postLogoutRedirectUri() == null
        || hint.isPresent() && !hint.get().getAudience().contains(client.id())) {
      return Optional.empty(); // nowhere asked, or the hint was issued to another client
    }
    return client.signIn().postLogoutRedirectUris().contains(request.postLogoutRedirectUri())
        ? Optional.of(request.postLogoutRedirectUri())
        : Optional.empty();
  }

  /** The hint's claims if we signed it and it names our issuer; its expiry does not matter. */
  private Optional<JWTClaimsSet> verifiedHint(String idTokenHint) {
    if (idTokenHint == null || idTokenHint.length() > 16 * 1024) {
      return Optional.empty();
    }
    try {
      SignedJWT jwt = SignedJWT.parse(idTokenHint);
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      Optional<VerificationKey> key = keys.find(claims.getIssuer(), jwt.getHeader().getKeyID());
      if (key.isEmpty()
          || !key.get().algorithm().equals(jwt.getHeader().getAlgorithm())
          || !jwt.verify(key.get().verifier())
          || !settings.issuer().equals(claims.getIssuer())) {
        return Optional.empty();
      }
      List<String> audience = claims.getAudience();
      return audience == null || audience.isEmpty() ? Optional.empty() : Optional.of(claims);
    } catch (ParseException | JOSEException e) {
      return Optional.empty();
    }
  }
}
