package dev.jwtauth.refresh;

import java.time.Instant;

/** A login session as the edge sees it: read-only, detached from the persistence context. */
public record SessionView(
    String id,
    String userId,
    String clientId,
    Instant createdAt,
    Instant lastUsedAt,
    Instant expiresAt) {

  static SessionView of(LoginSession session) {
    return new SessionView(
        session.id(),
        session.userId(),
        session.clientId(),
        session.createdAt(),
        session.lastUsedAt(),
        session.expiresAt());
  }
}
