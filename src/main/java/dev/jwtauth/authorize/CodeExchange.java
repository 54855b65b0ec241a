package dev.jwtauth.authorize;

import dev.jwtauth.audit.AuditEventType;
import dev.jwtauth.audit.AuditLog;
import dev.jwtauth.clients.Client;
import dev.jwtauth.faults.DatabaseAvailability;
import dev.jwtauth.metrics.AuthMetrics;
import dev.jwtauth.refresh.BrowserSignIn;
import dev.jwtauth.refresh.RefreshService;
import dev.jwtauth.revocation.RevocationService;
import dev.jwtauth.sso.AuthorizationCodes;
import dev.jwtauth.sso.AuthorizationCodes.Redeemed;
import dev.jwtauth.sso.AuthorizationCodes.Redemption;
import dev.jwtauth.sso.AuthorizationCodes.Replayed;
import dev.jwtauth.sso.BrowserSessions;
import dev.jwtauth.sso.CodeBinding;
import dev.jwtauth.token.IdTokenIssuer;
import dev.jwtauth.token.IdentityClaims;
import dev.jwtauth.token.InvalidGrantException;
import dev.jwtauth.token.ScopePolicy;
import dev.jwtauth.token.TokenGrant;
import dev.jwtauth.users.UserAccount;
import dev.jwtauth.users.UserRepository;
import dev.jwtauth.verify.Scopes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * The token endpoint's {@code authorization_code} grant (RFC 6749 §4.1.3, RFC 7636, OIDC Core
 * §3.1.3): a code is good once, for 60 seconds, for the client, redirect URI and PKCE verifier it
 * was issued for, while its browser session lives. A code presented twice ends what its first
 * exchange started.
 */
@ApplicationScoped
public class CodeExchange {

  private static final Logger LOG = Logger.getLogger(CodeExchange.class.getName());
  private static final String INVALID = "The authorization code is not valid";

  @Inject AuthorizationCodes codes;
  @Inject BrowserSessions browserSessions;
  @Inject RefreshService sessions;
  @Inject RevocationService revocations;
  @Inject UserRepository users;
  @Inject ScopePolicy scopePolicy;
  @Inject IdentityClaims identityClaims;
  @Inject IdTokenIssuer idTokens;
  @Inject AuditLog audit;
  @Inject AuthMetrics metrics;
  @Inject DatabaseAvailability database;

  /**
   * @param codeVerifier the PKCE verifier, or null
   * @throws InvalidGrantException for anything but a good first use
   */
  public TokenGrant exchange(Client client, String code, String redirectUri, String codeVerifier) {
    database.check();
    Redemption redemption = codes.redeem(code);
    if (redemption instanceof Replayed replayed) {
      endReplayed(replayed, client);
      throw new InvalidGrantException(INVALID);
    }
    if (!(redemption instanceof Redeemed redeemed)) {
      metrics.signIn("code_exchange", "refused");
      throw new InvalidGrantException(INVALID);
    }
    CodeBinding binding = redeemed.binding();
    String refusal = refusal(binding, client, redirectUri, codeVerifier);
    if (refusal != null) {
      LOG.info(() -> "Code exchange refused: " + refusal);
      metrics.signIn("code_exchange", "refused");
      throw new InvalidGrantException(INVALID);
    }
    UserAccount user =
        users
            .findById(binding.userId())
            .filter(UserAccount::enabled)
            .orElseThrow(() -> new InvalidGrantException(INVALID));
    // What the code granted, less what the user's roles stopped allowing since.
    Set<String> granted = new TreeSet<>(Scopes.parse(binding.scope()).values());
    granted.removeIf(String::isBlank);
    granted.retainAll(scopePolicy.allowed(user.roles()));
    TokenGrant grant =
        sessions.startSession(
            new BrowserSignIn(redeemed.sessionId(), binding.browserSessionId(), binding.authTime()),
            user.id(),
            user.username(),
            user.roles(),
            identityClaims.of(client.claims(), user),
            granted,
            client.id(),
            client.accessTokenTtl());
    if (granted.contains("openid")) {
      grant =
          grant.withIdToken(
              idTokens.issue(
                  new IdTokenIssuer.IdTokenRequest(
                      user.id(),
                      client.id(),
                      binding.nonce(),
                      binding.authTime(),
                      binding.browserSessionId(),
                      grant.access().token(),
                      IdTokenIssuer.identityClaims(
                          granted, user.username(), user.profile(), user.profileUpdatedAt()))));
    }
    audit.recordForClient(
        AuditEventType.CODE_EXCHANGED,
        user.id(),
        user.id(),
        redeemed.sessionId(),
        client.id(),
        null);
    metrics.signIn("code_exchange", "exchanged");
    metrics.tokenIssued("authorization_code", client.id());
    return grant;
  }

  /** Why a first use is refused, or null. */
  private String refusal(
      CodeBinding binding, Client client, String redirectUri, String codeVerifier) {
    if (!binding.clientId().equals(client.id())) {
      return "another client's code";
    }
    if (!binding.redirectUri().equals(redirectUri)) {
      return "redirect_uri differs from the authorization request's";
    }
    if (binding.codeChallenge() != null
        ? codeVerifier == null || !Pkce.matches(codeVerifier, binding.codeChallenge())
        : codeVerifier != null) {
      // A verifier without a challenge is a downgrade attempt (RFC 9700 §2.1.1).
      return "the PKCE verifier does not match";
    }
    if (!browserSessions.live(binding.browserSessionId())) {
      return "the browser session has ended";
    }
    return null;
  }

  /** The tokens of the first exchange stop working: its session ends (and its access tokens). */
  private void endReplayed(Replayed replayed, Client client) {
    CodeBinding binding = replayed.binding();
    if (replayed.sessionId() != null) {
      revocations.revokeSession(replayed.sessionId(), "code_replayed");
      sessions.endSession(binding.userId(), replayed.sessionId(), "code_replayed");
    }
    audit.recordForClient(
        AuditEventType.CODE_REPLAYED,
        null,
        binding.userId(),
        replayed.sessionId(),
        client.id(),
        "an authorization code was presented again; the session of its first exchange ended");
    metrics.signIn("code_exchange", "replayed");
  }
}
