package dev.jwtauth.keys;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A persisted signing key: its JWK, public part and private part stored apart. */
@Entity
@Table(name = "signing_keys")
public class SigningKey {

  public enum Status {
    ACTIVE,
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

  protected SigningKey() {}

  SigningKey(String kid, String algorithm, String publicJwk, String privateJwk, Instant createdAt) {
    this.kid = kid;
    this.algorithm = algorithm;
    this.status = Status.ACTIVE;
    this.publicJwk = publicJwk;
    this.privateJwk = privateJwk;
    this.createdAt = createdAt;
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
