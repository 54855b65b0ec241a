package dev.jwtauth.refresh;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A refresh token, known only by the SHA-256 of its value. */
@Entity
@Table(name = "refresh_tokens")
public class RefreshToken {

  public enum State {
    ACTIVE,
    ROTATED,
    REVOKED
  }

  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Column(name = "token_hash", nullable = false, unique = true, length = 64)
  private String tokenHash;

  @Column(name = "session_id", nullable = false, length = 36)
  private String sessionId;

  @Column(name = "issued_at", nullable = false)
  private Instant issuedAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "state", nullable = false, length = 16)
  private State state;

  @Column(name = "rotated_at")
  private Instant rotatedAt;

  @Column(name = "successor_id", length = 36)
  private String successorId;

  /** The successor's value, sealed under this token's value (for a retry); null once purged. */
  @Column(name = "successor_sealed", length = 256)
  private String successorSealed;

  protected RefreshToken() {}

  RefreshToken(String tokenHash, String sessionId, Instant issuedAt, Instant expiresAt) {
    this.id = UUID.randomUUID().toString();
    this.tokenHash = tokenHash;
    this.sessionId = sessionId;
    this.issuedAt = issuedAt;
    this.expiresAt = expiresAt;
    this.state = State.ACTIVE;
  }

  /** For unit tests of the decisions; the store changes states with conditional updates. */
  void rotated(Instant at, String successor) {
    state = State.ROTATED;
    rotatedAt = at;
    successorId = successor;
  }

  void revoked() {
    state = State.REVOKED;
  }

  public String id() {
    return id;
  }

  public String tokenHash() {
    return tokenHash;
  }

  public String sessionId() {
    return sessionId;
  }

  public Instant issuedAt() {
    return issuedAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public State state() {
    return state;
  }

  public Instant rotatedAt() {
    return rotatedAt;
  }

  public String successorId() {
    return successorId;
  }

  public String successorSealed() {
    return successorSealed;
  }
}
