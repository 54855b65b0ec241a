package dev.jwtauth.audit;

import java.time.Instant;

/** An audit row as the edge sees it; {@code lastOccurredAt} is null for a single occurrence. */
public record AuditEventView(
    String id,
    String type,
    Instant occurredAt,
    String actor,
    String subject,
    String sessionId,
    String clientId,
    String address,
    String requestId,
    String detail,
    int occurrences,
    Instant lastOccurredAt) {

  static AuditEventView of(AuditEvent event) {
    return new AuditEventView(
        event.id(),
        event.type(),
        event.occurredAt(),
        event.actor(),
        event.subject(),
        event.sessionId(),
        event.clientId(),
        event.address(),
        event.requestId(),
        event.detail(),
        event.occurrences(),
        event.lastOccurredAt());
  }
}
