package dev.jwtauth.users;

import dev.jwtauth.config.PasswordHashSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Password hashes: Argon2id for every new hash ({@link Argon2idPasswordHash}); hashes made before
 * (PBKDF2 through Jakarta Security's {@link Pbkdf2PasswordHash}, which reads its parameters from
 * the stored form) still verify and are replaced at the next successful login. At most {@code
 * auth.password.max-concurrent-hashes} hashes run at once: each Argon2id hash holds its memory cost
 * on the heap.
 */
@ApplicationScoped
public class PasswordHasher {

  @Inject Argon2idPasswordHash argon2;
  @Inject Pbkdf2PasswordHash pbkdf2;
  @Inject PasswordHashSettings settings;

  private Semaphore slots;

  /**
   * Verified when the user does not exist, so that unknown users cost as much as wrong passwords.
   */
  private String decoyHash;

  @PostConstruct
  void init() {
    argon2.initialize(
        Map.of(
            "Argon2id.MemoryKiB", Integer.toString(settings.memoryKib()),
            "Argon2id.Iterations", Integer.toString(settings.iterations()),
            "Argon2id.Parallelism", Integer.toString(settings.parallelism()),
            "Argon2id.KeptMemories", Integer.toString(settings.keptMemories())));
    slots = new Semaphore(settings.maxConcurrent(), true);
    decoyHash = argon2.generate("decoy-password-never-matches".toCharArray());
  }

  public String hash(char[] password) {
    return inSlot(() -> argon2.generate(password));
  }

  public boolean verify(char[] password, String storedHash) {
    return inSlot(
        () ->
            Argon2idPasswordHash.isArgon2id(storedHash)
                ? argon2.verify(password, storedHash)
                : pbkdf2.verify(password, storedHash));
  }

  /** Whether a stored hash should be replaced by one of today's kind and cost. */
  public boolean needsRehash(String storedHash) {
    return !argon2.isCurrent(storedHash);
  }

  /** Spends the time of one verification and answers false. */
  public boolean verifyDecoy(char[] password) {
    inSlot(() -> argon2.verify(password, decoyHash));
    return false;
  }

  private <T> T inSlot(Supplier<T> hashing) {
    boolean acquired;
    try {
      acquired = slots.tryAcquire(settings.maxWait().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      acquired = false;
    }
    if (!acquired) {
      throw new HashingBusyException();
    }
    try {
      return hashing.get();
    } finally {
      slots.release();
    }
  }
}
