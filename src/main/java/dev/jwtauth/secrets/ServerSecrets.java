package dev.jwtauth.secrets;

import dev.jwtauth.config.Secrets;
import dev.jwtauth.crypto.ServerSecretKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.logging.Logger;

/**
 * The server secret every node shares ({@code server_secrets}, encrypted at rest like the signing
 * keys): created once, read into memory for the CSRF tokens and the keys derived from it.
 */
@ApplicationScoped
public class ServerSecrets {

  private static final Logger LOG = Logger.getLogger(ServerSecrets.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext(unitName = "auth")
  EntityManager em;

  @Inject Secrets secrets;
  @Inject Clock clock;
  @Inject CsrfTokens csrfTokens;
  @Inject ServerSecretKeys derivedKeys;

  /** The encryption at rest as configured ({@code auth.keys.encryption-secret}, or none). */
  public KeyEncryption encryption() {
    return new KeyEncryption(secrets.keysEncryptionSecret().orElse(null));
  }

  /**
   * Creates the shared secret unless it exists. Two nodes starting together may both try: the
   * primary key lets one insert win, and the other's fails here ({@link #exists} then tells the
   * caller it exists all the same).
   */
  @Transactional
  public void ensure() {
    if (exists()) {
      return;
    }
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    em.persist(
        new ServerSecret(
            CsrfTokens.SECRET_NAME,
            encryption().protect(aad(CsrfTokens.SECRET_NAME), encoded),
            clock.instant()));
    em.flush();
  }

  /** Whether the shared secret exists (created here or by another node). */
  @Transactional
  public boolean exists() {
    return em.find(ServerSecret.class, CsrfTokens.SECRET_NAME) != null;
  }

  /** The secret, decrypted; not yet in memory (see {@link #install}). */
  @Transactional
  public byte[] read(KeyEncryption encryption) {
    ServerSecret stored = em.find(ServerSecret.class, CsrfTokens.SECRET_NAME);
    if (stored == null) {
      throw new IllegalStateException("No server secret in the database");
    }
    return Base64.getUrlDecoder().decode(encryption.reveal(aad(stored.name()), stored.secret()));
  }

  /** Puts a secret read with {@link #read} to use. */
  public void install(byte[] secret) {
    csrfTokens.load(secret);
    derivedKeys.load(secret);
  }

  /** Reads the secret and puts it to use. */
  @Transactional
  public void load() {
    install(read(encryption()));
  }

  /** Server secrets stored before an encryption secret was configured are encrypted in place. */
  @Transactional
  public void encryptPlaintext(KeyEncryption encryption) {
    for (ServerSecret stored :
        em.createQuery("select s from ServerSecret s", ServerSecret.class).getResultList()) {
      if (!KeyEncryption.isEncrypted(stored.secret())) {
        stored.replaceStoredForm(encryption.protect(aad(stored.name()), stored.secret()));
        LOG.warning(
            () ->
                "The server secret "
                    + stored.name()
                    + " was stored unencrypted; it is now encrypted "
                    + "with auth.keys.encryption-secret");
      }
    }
  }

  /**
   * Authenticated data of a server secret's ciphertext: never the same as a kid, so rows cannot be
   * swapped.
   */
  private static String aad(String name) {
    return "server-secret:" + name;
  }
}
