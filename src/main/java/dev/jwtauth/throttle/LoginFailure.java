package dev.jwtauth.throttle;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One failed credential check. */
@Entity
@Table(name = "login_failures")
public class LoginFailure {

  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Column(name = "pair_key", nullable = false, length = 64)
  private String pairKey;

  @Column(name = "address", nullable = false, length = 64)
  private String address;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  protected LoginFailure() {}

  LoginFailure(String pairKey, String address, Instant occurredAt) {
    this.id = UUID.randomUUID().toString();
    this.pairKey = pairKey;
    this.address = address;
    this.occurredAt = occurredAt;
  }

  String id() {
    return id;
  }
}
