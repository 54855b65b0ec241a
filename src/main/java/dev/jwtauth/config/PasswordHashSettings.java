package dev.jwtauth.config;

import java.time.Duration;

/**
 * How passwords are hashed: Argon2id's cost, and how many hashes may run at once (each holds its
 * memory cost on the heap, so the number is what bounds the heap a login flood can take).
 *
 * @param memoryKib Argon2id memory per hash, in KiB
 * @param iterations Argon2id passes
 * @param parallelism Argon2id lanes
 * @param maxConcurrent hashes computed at the same time on this node
 * @param maxWait how long a login waits for a free slot before 503
 * @param keptMemories how many hashes' memory stays on the heap for the next hashes
 */
public record PasswordHashSettings(
    int memoryKib,
    int iterations,
    int parallelism,
    int maxConcurrent,
    Duration maxWait,
    int keptMemories) {

  public PasswordHashSettings {
    if (memoryKib < 8 * 1024 || iterations < 1 || parallelism < 1) {
      throw new IllegalArgumentException(
          "auth.password.argon2.* must be at least 8192 KiB, 1 pass and 1 lane");
    }
    if (maxConcurrent < 1) {
      throw new IllegalArgumentException("auth.password.max-concurrent-hashes must be positive");
    }
    if (keptMemories < 0 || keptMemories > maxConcurrent) {
      throw new IllegalArgumentException(
          "auth.password.kept-hash-memories must be between 0 and max-concurrent-hashes");
    }
    if (maxWait.isNegative()) {
      throw new IllegalArgumentException("auth.password.hash-wait must not be negative");
    }
  }
}
