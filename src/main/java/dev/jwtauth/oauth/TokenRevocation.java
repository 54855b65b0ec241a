package dev.jwtauth.oauth;

import dev.jwtauth.audit.AuditEventType;
import dev.jwtauth.audit.AuditLog;
import dev.jwtauth.clients.Client;
import dev.jwtauth.crypto.OpaqueValues;
import dev.jwtauth.refresh.RefreshService;
import dev.jwtauth.revocation.RevocationService;
import dev.jwtauth.throttle.RateLimiter;
import dev.jwtauth.verify.InvalidTokenException;
import dev.jwtauth.verify.TokenVerifier;
import dev.jwtauth.verify.VerifiedToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;

/**
 * RFC 7009: a client revokes one of its own tokens. An access token's jti is denied; a refresh
 * token ends its session (and with it the session's access tokens). Anything else is ignored, and
 * the answer is the same, so that the endpoint tells nothing about tokens.
 */
@ApplicationScoped
public class TokenRevocation {

  @Inject TokenVerifier verifier;
  @Inject RevocationService revocations;
  @Inject RefreshService sessions;
  @Inject AuditLog audit;

  @Inject
  @Named("revocations")
  RateLimiter rate;

  public void revoke(Client client, String token, String hint) {
    // The hint is only a hint (RFC 7009 §2.1): the token's shape tells the kinds apart.
    boolean looksLikeJwt = token.chars().filter(c -> c == '.').count() == 2;
    if (!looksLikeJwt) {
      revokeRefreshToken(client, token);
      return;
    }
    accessToken(token)
        .filter(verified -> client.id().equals(verified.claims().get("client_id")))
        .ifPresent(
            verified -> {
              rate.acquire(verified.subject());
              revocations.denyAccessToken(
                  verified.jti(), verified.expiresAt(), "revoked_by_client");
              audit.recordForClient(
                  AuditEventType.ACCESS_TOKEN_REVOKED,
                  null,
                  verified.subject(),
                  verified.sessionId().orElse(null),
                  client.id(),
                  "revoked_by_client, jti " + verified.jti());
            });
  }

  private void revokeRefreshToken(Client client, String token) {
    if (token.length() > OpaqueValues.MAX_LENGTH) {
      return;
    }
    sessions
        .sessionOfToken(token)
        .filter(session -> session.clientId().equals(client.id()))
        .ifPresent(
            session -> {
              rate.acquire(session.userId());
              sessions.endSession(session.userId(), session.id(), "revoked_by_client");
            });
  }

  private Optional<VerifiedToken> accessToken(String token) {
    try {
      return Optional.of(verifier.verify(token));
    } catch (InvalidTokenException alreadyUnusable) {
      return Optional.empty();
    }
  }
}
