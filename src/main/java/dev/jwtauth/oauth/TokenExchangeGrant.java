package dev.jwtauth.oauth;

import dev.jwtauth.audit.AuditEventType;
import dev.jwtauth.audit.AuditLog;
import dev.jwtauth.clients.Client;
import dev.jwtauth.config.ClientSettings;
import dev.jwtauth.metrics.AuthMetrics;
import dev.jwtauth.throttle.RateLimiter;
import dev.jwtauth.token.AccessTokenIssuer;
import dev.jwtauth.token.IdentityClaims;
import dev.jwtauth.token.InvalidGrantException;
import dev.jwtauth.token.IssuedAccessToken;
import dev.jwtauth.token.ScopePolicy;
import dev.jwtauth.token.TokenGrant;
import dev.jwtauth.token.TokenRequest;
import dev.jwtauth.token.UserClaims;
import dev.jwtauth.users.UserAccount;
import dev.jwtauth.users.UserRepository;
import dev.jwtauth.verify.InvalidTokenException;
import dev.jwtauth.verify.TokenVerifier;
import dev.jwtauth.verify.VerifiedToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * RFC 8693: a valid access token for a narrower one (scope, audience), or — with {@code
 * requested_subject} — an impersonation token for another user.
 */
@ApplicationScoped
public class TokenExchangeGrant implements Grant {

  public static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";

  @Inject AccessTokenIssuer issuer;
  @Inject ScopePolicy scopePolicy;
  @Inject IdentityClaims identityClaims;
  @Inject TokenVerifier verifier;
  @Inject UserRepository users;
  @Inject ClientSettings clientSettings;
  @Inject AuditLog audit;
  @Inject AuthMetrics metrics;
  @Inject Clock clock;

  @Inject
  @Named("revocations")
  RateLimiter rate;

  @Override
  public String type() {
    return Client.TOKEN_EXCHANGE;
  }

  /**
   * RFC 8693: a valid access token for a narrower one (scope, audience), or — with {@code
   * requested_subject} — an impersonation token for another user.
   */
  @Override
  public TokenGrant issue(Client client, TokenParameters form) {
    VerifiedToken subject = subjectToken(form);
    // Each exchanged token can be revoked into every node's memory: bounded per user.
    rate.acquire(subject.subject());
    String requestedType = form.optional("requested_token_type");
    if (requestedType != null && !requestedType.equals(ACCESS_TOKEN_TYPE)) {
      throw OAuthException.invalidRequest("Only access tokens can be requested");
    }
    if (form.optional("actor_token") != null) {
      throw OAuthException.invalidRequest(
          "actor_token is not supported; impersonation uses requested_subject");
    }
    List<String> audiences = audiences(client, form.all("audience"));
    String requestedSubject = form.optional("requested_subject");
    IssuedAccessToken access =
        requestedSubject == null
            ? narrowed(client, subject, form.optional("scope"), audiences)
            : impersonation(client, subject, requestedSubject, form.optional("scope"), audiences);
    metrics.tokenIssued("token_exchange", client.id());
    return TokenGrant.accessOnly(access, ACCESS_TOKEN_TYPE);
  }

  private IssuedAccessToken narrowed(
      Client client, VerifiedToken subject, String scope, List<String> audiences) {
    Set<String> available = new TreeSet<>(subject.scopes());
    available.retainAll(client.scopes());
    Set<String> scopes = ScopePolicy.narrow(available, scope, "the subject token and this client");
    // Never outlives the token it came from, so that exchanging cannot extend a grant.
    Duration remaining = Duration.between(clock.instant(), subject.expiresAt());
    Duration lifetime = shorter(remaining, lifetimeOf(client));
    if (lifetime.toSeconds() < 1) {
      throw new InvalidGrantException("The subject token is about to expire");
    }
    IssuedAccessToken access =
        issuer.issue(
            new TokenRequest(
                subject.subject(),
                subject.username(),
                subject.groups(),
                scopes,
                client.id(),
                subject.sessionId().orElse(null),
                audiences,
                lifetime,
                subject.actorSubject().orElse(null),
                subject.actorSessionId().orElse(null),
                IdentityClaims.copied(client.claims(), subject.claims())));
    audit.recordForClient(
        AuditEventType.TOKEN_EXCHANGED,
        subject.subject(),
        subject.subject(),
        subject.sessionId().orElse(null),
        client.id(),
        "token jti " + access.jti() + " from jti " + subject.jti() + ", audiences " + audiences);
    return access;
  }

  private IssuedAccessToken impersonation(
      Client client,
      VerifiedToken caller,
      String requestedSubject,
      String scope,
      List<String> audiences) {
    // Like /admin/*: the role says who may impersonate, the admin scope says this token may
    // (docs/security.md).
    if (Collections.disjoint(caller.groups(), clientSettings.impersonationRoles())
        || !caller.scopes().contains(ScopePolicy.ADMIN)) {
      audit.recordForClient(
          AuditEventType.IMPERSONATION_DENIED, caller.subject(), null, null, client.id(), null);
      throw new OAuthException(403, "access_denied", "The caller may not impersonate other users");
    }
    if (caller.actorSubject().orElse(null) != null) {
      throw new OAuthException(
          403, "access_denied", "An impersonation token cannot impersonate again");
    }
    UserAccount target = targetUser(requestedSubject);
    Object callerOrganization = caller.claims().get(UserClaims.ORGANIZATION);
    if (callerOrganization != null && !callerOrganization.equals(target.organization())) {
      // An admin of an organization is an admin of it only: no reach into another tenant.
      audit.recordForClient(
          AuditEventType.IMPERSONATION_DENIED,
          caller.subject(),
          target.id(),
          null,
          client.id(),
          "another organization");
      throw new OAuthException(
          403, "access_denied", "An admin of an organization may impersonate its members only");
    }
    // Never more than the caller's own token may do, nor more than the target may hold.
    Set<String> available = scopePolicy.allowed(target.roles());
    available.retainAll(client.scopes());
    available.retainAll(caller.scopes());
    Set<String> scopes =
        ScopePolicy.narrow(available, scope, "the caller, the target user and this client");
    Duration lifetime = shorter(clientSettings.impersonationTtl(), lifetimeOf(client));
    // act.sid ties the token to the actor's session: logging the actor out ends it (revocation rule
    // 6).
    IssuedAccessToken access =
        issuer.issue(
            new TokenRequest(
                target.id(),
                target.username(),
                target.roles(),
                scopes,
                client.id(),
                null,
                audiences,
                lifetime,
                caller.subject(),
                caller.sessionId().orElse(null),
                identityClaims.of(client.claims(), target)));
    audit.recordForClient(
        AuditEventType.IMPERSONATION,
        caller.subject(),
        target.id(),
        null,
        client.id(),
        "token jti " + access.jti() + ", expires " + access.expiresAt());
    return access;
  }

  private UserAccount targetUser(String requestedSubject) {
    if (requestedSubject.length() > 100) {
      throw OAuthException.invalidRequest("requested_subject is too long");
    }
    Optional<UserAccount> user =
        users.findByUsername(requestedSubject).or(() -> users.findById(requestedSubject));
    return user.filter(UserAccount::enabled)
        .orElseThrow(
            () -> OAuthException.invalidRequest("requested_subject is not an active user"));
  }

  private VerifiedToken subjectToken(TokenParameters form) {
    String token = form.required("subject_token");
    String type = form.required("subject_token_type");
    if (!type.equals(ACCESS_TOKEN_TYPE)) {
      throw OAuthException.invalidRequest("subject_token_type must be " + ACCESS_TOKEN_TYPE);
    }
    try {
      return verifier.verify(token);
    } catch (InvalidTokenException e) {
      throw new InvalidGrantException("The subject token is not valid: " + e.getMessage());
    }
  }

  /**
   * The asked audiences, each one the client may ask for; none asked: the configured audiences
   * (null).
   */
  private static List<String> audiences(Client client, List<String> asked) {
    if (asked.isEmpty()) {
      return null;
    }
    for (String audience : asked) {
      if (!client.audiences().contains(audience)) {
        throw new OAuthException(
            400, "invalid_target", "The audience " + audience + " is not allowed for this client");
      }
    }
    return List.copyOf(new LinkedHashSet<>(asked));
  }

  private Duration lifetimeOf(Client client) {
    return client.accessTokenTtl() != null ? client.accessTokenTtl() : issuer.defaultLifetime();
  }

  private static Duration shorter(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
