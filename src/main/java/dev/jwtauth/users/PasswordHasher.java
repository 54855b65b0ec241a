package dev.jwtauth.users;

import dev.jwtauth.config.AuthSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * PBKDF2-HMAC-SHA512 through Jakarta Security's {@link Pbkdf2PasswordHash}. The stored form carries
 * its own algorithm, iterations and salt, so raising the iteration count keeps old hashes
 * verifiable.
 */
@ApplicationScoped
public class PasswordHasher {

  @Inject Pbkdf2PasswordHash pbkdf2;
  @Inject AuthSettings settings;

  /**
   * Verified when the user does not exist, so that unknown users cost as much as wrong passwords.
   */
  private String decoyHash;

  @PostConstruct
  void init() {
    pbkdf2.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.Iterations", Integer.toString(settings.passwordIterations()),
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "64"));
    decoyHash = pbkdf2.generate("decoy-password-never-matches".toCharArray());
  }

  public String hash(char[] password) {
    return pbkdf2.generate(password);
  }

  public boolean verify(char[] password, String storedHash) {
    return pbkdf2.verify(password, storedHash);
  }

  /** Spends the time of one verification and answers false. */
  public boolean verifyDecoy(char[] password) {
    pbkdf2.verify(password, decoyHash);
    return false;
  }
}
