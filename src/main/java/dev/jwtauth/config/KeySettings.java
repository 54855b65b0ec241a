package dev.jwtauth.config;

import java.time.Duration;
import java.util.Set;

/**
 * Signing keys: what new keys are, and their schedule.
 *
 * @param algorithm the JWS algorithm of new keys ({@code RS256}, {@code ES256} or {@code EdDSA})
 * @param rotationInterval how long a key signs before the scheduled rotation replaces it
 * @param jwksMaxAge how long clients may cache the JWKS ({@code Cache-Control: max-age}); the next
 *     key is published at least this long before it signs
 */
public record KeySettings(String algorithm, Duration rotationInterval, Duration jwksMaxAge) {

  public static final Set<String> ALGORITHMS = Set.of("RS256", "ES256", "EdDSA");

  public KeySettings {
    if (!ALGORITHMS.contains(algorithm)) {
      throw new IllegalArgumentException(
          "auth.keys.algorithm (environment variable AUTH_KEYS_ALGORITHM) must be RS256, ES256 or EdDSA,"
              + " not "
              + algorithm);
    }
    if (rotationInterval.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("auth.keys.rotation-interval must be at least 1s");
    }
    if (jwksMaxAge.isNegative()) {
      throw new IllegalArgumentException("auth.keys.jwks-max-age must not be negative");
    }
  }
}
