package dev.jwtauth.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "audit_events")
public class AuditEvent {

  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(name = "event_type", nullable = false, length = 50)
  private String type;

  @Column(name = "actor", length = 100)
  private String actor;

  @Column(name = "subject", length = 100)
  private String subject;

  @Column(name = "session_id", length = 36)
  private String sessionId;

  @Column(name = "client_id", length = 100)
  private String clientId;

  @Column(name = "address", length = 64)
  private String address;

  @Column(name = "request_id", length = 128)
  private String requestId;

  @Column(name = "detail", length = 1000)
  private String detail;

  /** How many times the event happened (more than one only for aggregated events). */
  @Column(name = "occurrences", nullable = false)
  private int occurrences = 1;

  @Column(name = "last_occurred_at")
  private Instant lastOccurredAt;

  protected AuditEvent() {}

  AuditEvent(
      Instant occurredAt,
      String type,
      String actor,
      String subject,
      String sessionId,
      String clientId,
      String address,
      String requestId,
      String detail) {
    this.id = UUID.randomUUID().toString();
    this.occurredAt = occurredAt;
    this.type = type;
    this.actor = actor;
    this.subject = subject;
    this.sessionId = sessionId;
    this.clientId = clientId;
    this.address = address;
    this.requestId = requestId;
    this.detail = detail;
  }

  public String id() {
    return id;
  }

  public String type() {
    return type;
  }

  public String actor() {
    return actor;
  }

  public String subject() {
    return subject;
  }

  public String sessionId() {
    return sessionId;
  }

  public String clientId() {
    return clientId;
  }

  public String address() {
    return address;
  }

  public String requestId() {
    return requestId;
  }

  public String detail() {
    return detail;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public int occurrences() {
    return occurrences;
  }

  /** The last occurrence of an aggregated event, or null. */
  public Instant lastOccurredAt() {
    return lastOccurredAt;
  }
}
