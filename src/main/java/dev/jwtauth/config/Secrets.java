package dev.jwtauth.config;

import java.util.Optional;

/**
 * Secrets from configuration (normally the environment). Kept apart from {@link TokenSettings} so
 * that nothing prints them: {@link #toString()} never shows a value.
 */
public final class Secrets {

  /** Shortest accepted {@code auth.keys.encryption-secret}. */
  public static final int MIN_ENCRYPTION_SECRET_LENGTH = 16;

  /**
   * The documented demo secret of the embedded mode's client {@code demo-service} (docs/api.md).
   */
  private static final String DEMO_SERVICE_SECRET = "demo-service-secret";

  private final String keysEncryptionSecret;
  private final String bootstrapAdminPassword;
  private final String resourceServerClientSecret;

  public Secrets(
      String keysEncryptionSecret,
      String bootstrapAdminPassword,
      String resourceServerClientSecret) {
    this.keysEncryptionSecret = keysEncryptionSecret;
    this.bootstrapAdminPassword = bootstrapAdminPassword;
    this.resourceServerClientSecret = resourceServerClientSecret;
  }

  /**
   * {@code auth.resource-server.client-secret}: the secret of the confidential client resource
   * servers use to introspect. Embedded mode falls back to the demo secret; production mode has
   * none unless set.
   */
  public Optional<String> resourceServerClientSecret(boolean embedded) {
    if (resourceServerClientSecret != null) {
      return Optional.of(resourceServerClientSecret);
    }
    return embedded ? Optional.of(DEMO_SERVICE_SECRET) : Optional.empty();
  }

  /** {@code auth.keys.encryption-secret}: encrypts private signing keys at rest. */
  public Optional<String> keysEncryptionSecret() {
    return Optional.ofNullable(keysEncryptionSecret);
  }

  /**
   * {@code auth.bootstrap.admin-password}: the password of the user {@code admin} created on a
   * first production start.
   */
  public Optional<String> bootstrapAdminPassword() {
    return Optional.ofNullable(bootstrapAdminPassword);
  }

  @Override
  public String toString() {
    return "Secrets[values hidden]";
  }
}
