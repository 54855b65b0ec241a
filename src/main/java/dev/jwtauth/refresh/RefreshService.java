package dev.jwtauth.refresh;

import dev.jwtauth.audit.AuditEventType;
import dev.jwtauth.audit.AuditLog;
import dev.jwtauth.clients.ClientRegistry;
import dev.jwtauth.config.RefreshSettings;
import dev.jwtauth.faults.DatabaseAvailability;
import dev.jwtauth.faults.DatabaseFailures;
import dev.jwtauth.metrics.AuthMetrics;
import dev.jwtauth.revocation.RevocationService;
import dev.jwtauth.sso.BrowserSession;
import dev.jwtauth.sso.BrowserSessions;
import dev.jwtauth.throttle.RateLimiter;
import dev.jwtauth.token.AccessTokenIssuer;
import dev.jwtauth.token.IdTokenIssuer;
import dev.jwtauth.token.IdentityClaims;
import dev.jwtauth.token.InvalidGrantException;
import dev.jwtauth.token.IssuedAccessToken;
import dev.jwtauth.token.ScopePolicy;
import dev.jwtauth.token.TokenCustomizationException;
import dev.jwtauth.token.TokenGrant;
import dev.jwtauth.token.TokenRequest;
import dev.jwtauth.verify.Scopes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * Sessions as the login API sees them: start one at login, refresh (rotate) it, end it. Shared by
 * {@code /auth/*} and the OAuth token endpoint.
 */
@ApplicationScoped
public class RefreshService {

  private static final Logger LOG = Logger.getLogger(RefreshService.class.getName());

  @Inject RefreshTokenStore store;
  @Inject AccessTokenIssuer issuer;
  @Inject ScopePolicy scopes;
  @Inject IdentityClaims identityClaims;
  @Inject ClientRegistry clients;
  @Inject AuditLog audit;
  @Inject AuthMetrics metrics;
  @Inject RevocationService revocations;
  @Inject DatabaseAvailability database;
  @Inject BrowserSessions browserSessions;
  @Inject IdTokenIssuer idTokens;

  /** Each logout leaves a revocation in every node's memory: as many a minute as exchanges. */
  @Inject
  @Named("revocations")
  RateLimiter revocationRate;

  @Inject RefreshSettings settings;
  @Inject Clock clock;

  /** A new session for a user who just proved who they are. */
  public TokenGrant startSession(
      String userId,
      String username,
      Set<String> roles,
      Map<String, Object> userClaims,
      Set<String> grantedScopes,
      String clientId,
      Duration accessTokenLifetime) {
    return startSession(
        null, userId, username, roles, userClaims, grantedScopes, clientId, accessTokenLifetime);
  }

  /**
   * As {@link #startSession(String, String, Set, Map, Set, String, Duration)}, through a browser
   * session when {@code signIn} is not null (the session then ends with it).
   */
  public TokenGrant startSession(
      BrowserSignIn signIn,
      String userId,
      String username,
      Set<String> roles,
      Map<String, Object> userClaims,
      Set<String> grantedScopes,
      String clientId,
      Duration accessTokenLifetime) {
    RefreshTokenStore.Issued refresh =
        store.startSession(signIn, userId, username, clientId, Scopes.of(grantedScopes).toString());
    IssuedAccessToken access;
    try {
      access =
          issuer.issue(
              new TokenRequest(
                  userId,
                  username,
                  roles,
                  grantedScopes,
                  clientId,
                  refresh.session().id(),
                  null,
                  accessTokenLifetime,
                  null,
                  null,
                  userClaims));
    } catch (TokenCustomizationException e) {
      // No session without the token that starts it: the refresh token was never handed out.
      store.revokeSession(userId, refresh.session().id(), "token_not_issued");
      throw e;
    }
    return grant(access, refresh);
  }

  /**
   * Rotates the refresh token: the presented one stops working and a new pair is returned.
   *
   * @throws InvalidGrantException for anything but a valid, current token of this client
   */
  public TokenGrant refresh(String refreshToken, String clientId) {
    return refresh(refreshToken, clientId, null);
  }

  /**
   * As {@link #refresh(String, String)}, with the client's own access-token lifetime (null: the
   * default).
   */
  public TokenGrant refresh(String refreshToken, String clientId, Duration accessTokenLifetime) {
    database.check();
    RefreshTokenStore.Outcome outcome = rotate(refreshToken, clientId, true);
    if (outcome instanceof RefreshTokenStore.Refused refused) {
      LOG.info(() -> "Refresh refused: " + refused.reason().code());
      metrics.refresh(refused.reason().outcome());
      throw new InvalidGrantException("The refresh token is not valid");
    }
    RefreshTokenStore.Rotated rotated = (RefreshTokenStore.Rotated) outcome;
    LoginSession session = rotated.next().session();
    // The session keeps the scopes granted at login, less any the user's roles no longer allow.
    Set<String> granted = new TreeSet<>(Scopes.parse(session.scope()).values());
    granted.removeIf(String::isBlank);
    granted.retainAll(scopes.allowed(rotated.user().roles()));
    IssuedAccessToken access =
        issuer.issue(
            new TokenRequest(
                rotated.user().id(),
                rotated.user().username(),
                rotated.user().roles(),
                granted,
                clientId,
                session.id(),
                null,
                accessTokenLifetime,
                null,
                null,
                identityClaims.of(
                    IdentityClaims.claimSet(clients.find(clientId)), rotated.user())));
    TokenGrant grant = grant(access, rotated.next());
    if (session.browserSessionId() != null && granted.contains("openid")) {
      // OIDC Core §12.2: the refresh of a sign-in with openid returns an ID token too.
      grant =
          grant.withIdToken(
              idTokens.issue(
                  new IdTokenIssuer.IdTokenRequest(
                      rotated.user().id(),
                      clientId,
                      null,
                      session.authTime(),
                      session.browserSessionId(),
                      access.token(),
                      IdTokenIssuer.identityClaims(
                          granted,
                          rotated.user().username(),
                          rotated.user().profile(),
                          rotated.user().profileUpdatedAt()))));
    }
    if (rotated.retried()) {
      // Nothing changed: the successor handed out again was audited when it was made.
      LOG.info("Refresh retried: a token rotated moments ago gets its unused successor again");
    }
    metrics.refresh(
        rotated.retried()
            ? AuthMetrics.RefreshOutcome.RETRIED
            : AuthMetrics.RefreshOutcome.ROTATED);
    metrics.tokenIssued("refresh_token", clientId);
    return grant;
  }

  /**
   * One presentation to the store. A race lost to a concurrent refresh of the same token is
   * presented once more ({@code firstTry}): by then the winner has committed, so the token is
   * rotated and the same client gets the winner's successor (within the retry window) instead of a
   * refusal that would end its session.
   */
  private RefreshTokenStore.Outcome rotate(String refreshToken, String clientId, boolean firstTry) {
    RefreshTokenStore.Outcome outcome;
    try {
      outcome = store.rotate(refreshToken, clientId);
    } catch (Exception e) { // on WildFly a failed commit is a checked RollbackException
      if (DatabaseFailures.isConflict(e)) {
        // A concurrent refresh of the same token changed the row first; the database let it win.
        LOG.fine(() -> "Refresh lost a race: " + e);
        outcome = new RefreshTokenStore.Refused(RefreshRefusal.CONCURRENT_REFRESH);
      } else if (DatabaseFailures.isUnavailable(e)) {
        // Not an answer about the token: it stays valid, and works once the database is back.
        throw database.failed(e);
      } else {
        throw e instanceof RuntimeException unexpected ? unexpected : new IllegalStateException(e);
      }
    }
    database.succeeded();
    if (firstTry
        && !settings.retryWindow().isZero() // without the window, a second look would be reuse
        && outcome instanceof RefreshTokenStore.Refused refused
        && refused.reason() == RefreshRefusal.CONCURRENT_REFRESH) {
      return rotate(refreshToken, clientId, false);
    }
    return outcome;
  }

  /**
   * Ends one of the user's sessions; false if they have no such live session. A session started
   * through a browser session ends that browser session too, and with it the other sessions it
   * started (one sign-in, one sign-out).
   */
  public boolean endSession(String userId, String sessionId, String reason) {
    boolean ended = store.revokeSession(userId, sessionId, reason);
    if (ended) {
      audit.record(AuditEventType.SESSION_REVOKED, userId, userId, sessionId, reason);
      store
          .find(sessionId)
          .map(LoginSession::browserSessionId)
          .ifPresent(browser -> endBrowserSession(browser, reason));
    }
    return ended;
  }

  /**
   * Ends a browser session and every session started through it (their access tokens are refused by
   * {@code sid}); false if it was not live.
   */
  public boolean endBrowserSession(String browserSessionId, String reason) {
    boolean ended = browserSessions.end(browserSessionId, reason);
    List<LoginSession> sessions = store.revokeSessionsOfBrowserSession(browserSessionId, reason);
    if (ended) {
      String userId =
          browserSessions.find(browserSessionId).map(BrowserSession::userId).orElse(null);
      audit.record(
          AuditEventType.BROWSER_SESSION_ENDED,
          userId,
          userId,
          browserSessionId,
          reason + " (" + sessions.size() + " sessions)");
    }
    return ended;
  }

  /** Cookie-mode logout: the session of the refresh cookie ends (counted like a revocation). */
  public void logoutSession(String userId, String sessionId) {
    revocationRate.acquire(userId);
    endSession(userId, sessionId, "logout");
  }

  /** The session a refresh token value belongs to, whatever its state. */
  public Optional<SessionView> sessionOfToken(String refreshToken) {
    return store.sessionOf(refreshToken).map(SessionView::of);
  }

  /**
   * Logout with a bearer token: its session ends and the presented token itself is denied. One
   * audit row: the session's end, or (no live session) the token's denial.
   */
  public void logout(String userId, String sessionId, String jti, Instant expiresAt) {
    revocationRate.acquire(userId);
    revocations.denyAccessToken(jti, expiresAt, "logout");
    boolean ended = sessionId != null && endSession(userId, sessionId, "logout");
    if (!ended) {
      audit.record(
          AuditEventType.ACCESS_TOKEN_REVOKED, userId, userId, sessionId, "logout, jti " + jti);
    }
  }

  /** Ends the session a refresh token belongs to (cookie-mode logout); false if there is none. */
  public boolean endSessionOf(String refreshToken, String reason) {
    return store
        .sessionOf(refreshToken)
        .map(session -> endSession(session.userId(), session.id(), reason))
        .orElse(false);
  }

  public List<SessionView> activeSessions(String userId) {
    return store.activeSessions(userId).stream().map(SessionView::of).toList();
  }

  /** Ends every session of a client (a deleted one); returns how many. */
  public int endClientSessions(String clientId, String reason) {
    return store.revokeSessionsOfClient(clientId, reason);
  }

  public void endAllSessions(String userId, String actorId, String reason) {
    int count = store.revokeAllSessions(userId, reason);
    browserSessions.endAllOf(userId, reason);
    audit.record(
        AuditEventType.SESSIONS_REVOKED,
        actorId,
        userId,
        null,
        reason + " (" + count + " sessions)");
  }

  private TokenGrant grant(IssuedAccessToken access, RefreshTokenStore.Issued refresh) {
    long refreshExpiresIn =
        Math.max(0, Duration.between(clock.instant(), refresh.expiresAt()).toSeconds());
    return TokenGrant.withRefresh(
        access, refresh.value(), refreshExpiresIn, refresh.session().id());
  }
}
