package dev.jwtauth.keys;

import com.nimbusds.jose.jwk.JWK;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A persisted signing key: its JWK, public part and private part stored apart, and where it stands
 * in its life (see {@link KeySchedule}).
 */
@Entity
@Table(name = "signing_keys")
public class SigningKey {

  public enum Status {
    /** Published in the JWKS; signs from {@code activateAt}. */
    NEXT,
    /** Signs new tokens; exactly one key is active. */
    ACTIVE,
    /** Signs nothing; published and verifying until {@code unpublishAt}. */
    RETIRED
  }

  @Id
  @Column(name = "kid", length = 64)
  private String kid;

  @Column(name = "algorithm", nullable = false, length = 16)
  private String algorithm;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 16)
  private Status status;

  @Column(name = "public_jwk", nullable = false, length = 16000)
  private String publicJwk;

  @Column(name = "private_jwk", nullable = false, length = 16000)
  private String privateJwk;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "activate_at")
  private Instant activateAt;

  @Column(name = "activated_at")
  private Instant activatedAt;

  @Column(name = "retired_at")
  private Instant retiredAt;

  @Column(name = "unpublish_at")
  private Instant unpublishAt;

  /** 1 on the active key, null on the others: a unique index keeps one active key. */
  @Column(name = "active_slot")
  private Integer activeSlot;

  protected SigningKey() {}

  /** A new key, active at once; {@code storedPrivateJwk} is its private JWK as stored. */
  static SigningKey active(JWK key, String storedPrivateJwk, Instant now) {
    SigningKey stored = new SigningKey(key, storedPrivateJwk, now);
    stored.activate(now);
    return stored;
  }

  /** A new key, published now and signing from {@code activateAt}. */
  static SigningKey next(JWK key, String storedPrivateJwk, Instant now, Instant activateAt) {
    SigningKey stored = new SigningKey(key, storedPrivateJwk, now);
    stored.status = Status.NEXT;
    stored.activateAt = activateAt;
    return stored;
  }

  private SigningKey(JWK key, String storedPrivateJwk, Instant createdAt) {
    this.kid = key.getKeyID();
    this.algorithm = key.getAlgorithm().getName();
    this.publicJwk = key.toPublicJWK().toJSONString();
    this.privateJwk = storedPrivateJwk;
    this.createdAt = createdAt;
  }

  void activate(Instant now) {
    status = Status.ACTIVE;
    activatedAt = now;
    activeSlot = 1;
  }

  void retire(Instant now, Instant unpublish) {
    status = Status.RETIRED;
    retiredAt = now;
    unpublishAt = unpublish;
    activeSlot = null;
  }

  /** A retired key from before unpublishAt existed (migration V10) gets one. */
  void unpublishAt(Instant unpublish) {
    unpublishAt = unpublish;
  }

  /** Where the key stands, for the schedule, the ring and the admin API. */
  public KeyState state() {
    return new KeyState(
        kid, algorithm, status, createdAt, activateAt, activatedAt, retiredAt, unpublishAt);
  }

  void replacePrivateJwk(String stored) {
    this.privateJwk = stored;
  }

  public String kid() {
    return kid;
  }

  public String algorithm() {
    return algorithm;
  }

  public Status status() {
    return status;
  }

  public String publicJwk() {
    return publicJwk;
  }

  public String privateJwk() {
    return privateJwk;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
