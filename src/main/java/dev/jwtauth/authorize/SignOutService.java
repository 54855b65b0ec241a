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
   */
  public record SignOut(
      String browserSessionValue,
      String idTokenHint,
      String clientId,
      String postLogoutRedirectUri) {}

  @Inject BrowserSessions browserSessions;
  @Inject RefreshService sessions;
  @Inject ClientRegistry clients;
  @Inject KeyRing keys;
  @Inject TokenSettings settings;
  @Inject AuthMetrics metrics;

  /**
   * Ends the browser session, if there is one, and returns the registered redirect URI to send the
   * browser to, or empty (then a "signed out" page).
   */
  public Optional<String> signOut(SignOut request) {
    Optional<JWTClaimsSet> hint = verifiedHint(request.idTokenHint());
    Optional<String> browserSessionId =
        browserSessions
            .ofValue(request.browserSessionValue())
            .map(BrowserSession::id)
            .or(
                () ->
                    hint.map(claims -> claims.getClaim("sid"))
                        .filter(String.class::isInstance)
                        .map(String.class::cast));
    browserSessionId.ifPresent(
        id -> {
          if (sessions.endBrowserSession(id, "logout")) {
            metrics.signIn("logout", "ended");
          }
        });
    String clientId =
        request.clientId() != null
            ? request.clientId()
            : hint.map(JWTClaimsSet::getAudience)
                .filter(audience -> audience.size() == 1)
                .map(audience -> audience.get(0))
                .orElse(null);
    if (request.postLogoutRedirectUri() == null || clientId == null) {
      return Optional.empty();
    }
    if (hint.isPresent() && !hint.get().getAudience().contains(clientId)) {
      return Optional.empty(); // the hint was issued to another client
    }
    return clients
        .find(clientId)
        .map(Client::signIn)
        .filter(signIn -> signIn.postLogoutRedirectUris().contains(request.postLogoutRedirectUri()))
        .map(signIn -> request.postLogoutRedirectUri());
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
