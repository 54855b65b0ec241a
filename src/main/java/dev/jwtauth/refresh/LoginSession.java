package dev.jwtauth.refresh;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One login: the family of refresh tokens rotating from it. Its id is the {@code sid} of its access
 * tokens.
 */
@Entity
@Table(name = "sessions")
public class LoginSession {

  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Column(name = "user_id", nullable = false, length = 100)
  private String userId;

  @Column(name = "username", nullable = false, length = 100)
  private String username;

  @Column(name = "client_id", nullable = false, length = 100)
  private String clientId;

  @Column(name = "scope", nullable = false, length = 1000)
  private String scope;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "last_used_at", nullable = false)
  private Instant lastUsedAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column(name = "revoked_reason", length = 50)
  private String revokedReason;

  @Column(name = "browser_session_id", length = 36)
  private String browserSessionId;

  @Column(name = "auth_time")
  private Instant authTime;

  protected LoginSession() {}

  LoginSession(
      String userId,
      String username,
      String clientId,
      String scope,
      Instant now,
      Instant expiresAt) {
    this.id = UUID.randomUUID().toString();
    this.userId = userId;
    this.username = username;
    this.clientId = clientId;
    this.scope = scope;
    this.createdAt = now;
    this.lastUsedAt = now;
    this.expiresAt = expiresAt;
  }

  /** A session started through a browser session (the code flow), with the id chosen for it. */
  LoginSession(
      BrowserSignIn signIn,
      String userId,
      String username,
      String clientId,
      String scope,
      Instant now,
      Instant expiresAt) {
    this(userId, username, clientId, scope, now, expiresAt);
    this.id = signIn.sessionId();
    this.browserSessionId = signIn.browserSessionId();
    this.authTime = signIn.authTime();
  }

  void used(Instant now) {
    lastUsedAt = now;
  }

  void revoke(Instant now, String reason) {
    if (revokedAt == null) {
      revokedAt = now;
      revokedReason = reason;
    }
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

  public String clientId() {
    return clientId;
  }

  public String scope() {
    return scope;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant lastUsedAt() {
    return lastUsedAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Instant revokedAt() {
    return revokedAt;
  }

  public String revokedReason() {
    return revokedReason;
  }

  /** The browser session it was started through, or null (the login API, the password grant). */
  public String browserSessionId() {
    return browserSessionId;
  }

  /** When the user typed their password, for a session started through a browser session. */
  public Instant authTime() {
    return authTime;
  }

  public boolean revoked() {
    return revokedAt != null;
  }
}
