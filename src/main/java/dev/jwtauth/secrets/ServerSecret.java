package dev.jwtauth.secrets;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A secret shared by every node and kept with the signing keys (and encrypted like them). */
@Entity
@Table(name = "server_secrets")
public class ServerSecret {

  @Id
  @Column(name = "name", length = 32)
  private String name;

  /** Base64url of the secret bytes, or its {@link KeyEncryption} form. */
  @Column(name = "secret", nullable = false, length = 1000)
  private String secret;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected ServerSecret() {}

  ServerSecret(String name, String secret, Instant createdAt) {
    this.name = name;
    this.secret = secret;
    this.createdAt = createdAt;
  }

  String name() {
    return name;
  }

  String secret() {
    return secret;
  }

  void replaceStoredForm(String stored) {
    this.secret = stored;
  }
}
