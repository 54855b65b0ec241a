package dev.jwtauth.sso;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An authorization code (stored as its SHA-256) and everything the authorization request bound it
 * to. Single use: {@code usedAt} is set once, by a conditional UPDATE.
 */
@Entity
@Table(name = "authorization_codes")
public class AuthorizationCode {

  @Id
  @Column(name = "code_hash", length = 64)
  private String codeHash;

  @Column(name = "client_id", nullable = false, length = 100)
  private String clientId;

  @Column(name = "redirect_uri", nullable = false, length = 2000)
  private String redirectUri;

  @Column(name = "code_challenge", length = 128)
  private String codeChallenge;

  @Column(name = "nonce", length = 1000)
  private String nonce;

  @Column(name = "scope", nullable = false, length = 1000)
  private String scope;

  @Column(name = "browser_session_id", nullable = false, length = 36)
  private String browserSessionId;

  @Column(name = "user_id", nullable = false, length = 100)
  private String userId;

  @Column(name = "auth_time", nullable = false)
  private Instant authTime;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "used_at")
  private Instant usedAt;

  @Column(name = "session_id", length = 36)
  private String sessionId;

  protected AuthorizationCode() {}

  AuthorizationCode(String codeHash, CodeBinding binding, Instant expiresAt) {
    this.codeHash = codeHash;
    this.clientId = binding.clientId();
    this.redirectUri = binding.redirectUri();
    this.codeChallenge = binding.codeChallenge();
    this.nonce = binding.nonce();
    this.scope = binding.scope();
    this.browserSessionId = binding.browserSessionId();
    this.userId = binding.userId();
    this.authTime = binding.authTime();
    this.expiresAt = expiresAt;
  }

  /** What the code was bound to when it was issued. */
  public CodeBinding binding() {
    return new CodeBinding(
        clientId, redirectUri, codeChallenge, nonce, scope, browserSessionId, userId, authTime);
  }

  String codeHash() {
    return codeHash;
  }

  Instant expiresAt() {
    return expiresAt;
  }

  Instant usedAt() {
    return usedAt;
  }

  String sessionId() {
    return sessionId;
  }
}
