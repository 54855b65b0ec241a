package dev.jwtauth.sso;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One sign-in on the login page, held by the browser as the {@code __Host-sso} cookie (stored here
 * as its SHA-256). Its id is the {@code sid} of the ID tokens issued through it.
 */
@Entity
@Table(name = "browser_sessions")
public class BrowserSession {

  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Column(name = "token_hash", nullable = false, length = 64)
  private String tokenHash;

  @Column(name = "user_id", nullable = false, length = 100)
  private String userId;

  @Column(name = "username", nullable = false, length = 100)
  private String username;

  @Column(name = "auth_time", nullable = false)
  private Instant authTime;

  @Column(name = "last_used_at", nullable = false)
  private Instant lastUsedAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column(name = "revoked_reason", length = 50)
  private String revokedReason;

  protected BrowserSession() {}

  BrowserSession(String tokenHash, String userId, String username, Instant now, Instant expiresAt) {
    this.id = UUID.randomUUID().toString();
    this.tokenHash = tokenHash;
    this.userId = userId;
    this.username = username;
    this.authTime = now;
    this.lastUsedAt = now;
    this.expiresAt = expiresAt;
  }

  /** Not ended, not past its lifetime, and used within the idle timeout. */
  public boolean liveAt(Instant now, Duration idleTimeout) {
    return revokedAt == null
        && now.isBefore(expiresAt)
        && now.isBefore(lastUsedAt.plus(idleTimeout));
  }

  void used(Instant now) {
    lastUsedAt = now;
  }

  public String id() {
    return id;
  }

  public String userId() {
    return userId;
  }

  public String username() {
    return username;
  }

  /** When the user typed their password: the ID token's {@code auth_time}. */
  public Instant authTime() {
    return authTime;
  }

  public Instant lastUsedAt() {
    return lastUsedAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public boolean revoked() {
    return revokedAt != null;
  }

  public String revokedReason() {
    return revokedReason;
  }
}
