package dev.jwtauth.throttle;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A (username, address) pair refused until {@code lockedUntil}; {@code strikes} makes the next one
 * longer.
 */
@Entity
@Table(name = "login_lockouts")
public class LoginLockout {

  @Id
  @Column(name = "pair_key", length = 64)
  private String pairKey;

  @Column(name = "strikes", nullable = false)
  private int strikes;

  @Column(name = "locked_until", nullable = false)
  private Instant lockedUntil;

  protected LoginLockout() {}

  LoginLockout(String pairKey) {
    this.pairKey = pairKey;
  }

  int strikes() {
    return strikes;
  }

  Instant lockedUntil() {
    return lockedUntil;
  }

  void lock(int strikes, Instant until) {
    this.strikes = strikes;
    this.lockedUntil = until;
  }
}
