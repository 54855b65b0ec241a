package dev.jwtauth.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.jwtauth.config.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.logging.Logger;

/** Creates the first signing key and loads the persisted keys into the {@link KeyRing}. */
@ApplicationScoped
public class KeyService {

  private static final Logger LOG = Logger.getLogger(KeyService.class.getName());
  static final int RSA_KEY_BITS = 2048;
  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext(unitName = "auth")
  EntityManager em;

  @Inject KeyRing keyRing;
  @Inject CsrfTokens csrfTokens;
  @Inject Clock clock;
  @Inject Secrets secrets;

  private KeyEncryption encryption() {
    return new KeyEncryption(secrets.keysEncryptionSecret().orElse(null));
  }

  /** Generates and stores an RS256 key unless an active key exists already. */
  @Transactional
  public void ensureActiveKey() {
    if (!activeKeys().isEmpty()) {
      return;
    }
    RSAKey key = generateRsaKey();
    em.persist(
        new SigningKey(
            key.getKeyID(),
            JWSAlgorithm.RS256.getName(),
            key.toPublicJWK().toJSONString(),
            encryption().protect(key.getKeyID(), key.toJSONString()),
            clock.instant()));
    LOG.info(
        () -> "Generated signing key " + key.getKeyID() + " (RSA " + RSA_KEY_BITS + ", RS256)");
  }

  /**
   * Creates the shared CSRF secret unless it exists. Two nodes starting together may both try: the
   * primary key lets one insert win, and the other's transaction fails (the caller then just
   * loads).
   */
  @Transactional
  public void ensureServerSecret() {
    if (em.find(ServerSecret.class, CsrfTokens.SECRET_NAME) != null) {
      return;
    }
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    em.persist(
        new ServerSecret(
            CsrfTokens.SECRET_NAME,
            encryption().protect(secretAad(CsrfTokens.SECRET_NAME), encoded),
            clock.instant()));
    em.flush();
  }

  /**
   * Once an encryption secret is configured, no private key or server secret stays in plaintext
   * (PRODUCT.md §9): rows stored before it was set (embedded mode) are encrypted in place, each
   * with a log line. Rows that are already encrypted are untouched.
   */
  @Transactional
  public void encryptPlaintextAtRest() {
    KeyEncryption encryption = encryption();
    if (!encryption.encrypts()) {
      return;
    }
    for (SigningKey stored :
        em.createQuery("select k from SigningKey k", SigningKey.class).getResultList()) {
      if (!KeyEncryption.isEncrypted(stored.privateJwk())) {
        stored.replacePrivateJwk(encryption.protect(stored.kid(), stored.privateJwk()));
        LOG.warning(
            () ->
                "The signing key "
                    + stored.kid()
                    + " was stored unencrypted; it is now encrypted "
                    + "with auth.keys.encryption-secret");
      }
    }
    for (ServerSecret stored :
        em.createQuery("select s from ServerSecret s", ServerSecret.class).getResultList()) {
      if (!KeyEncryption.isEncrypted(stored.secret())) {
        stored.replaceStoredForm(encryption.protect(secretAad(stored.name()), stored.secret()));
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
   * Decodes every usable key once and hands them to the {@link KeyRing}; the newest active key
   * signs.
   */
  @Transactional
  public void loadIntoMemory() {
    List<SigningKey> active = activeKeys();
    if (active.isEmpty()) {
      throw new IllegalStateException("No active signing key in the database");
    }
    KeyEncryption encryption = encryption();
    List<JWK> jwks = new ArrayList<>();
    for (SigningKey stored :
        em.createQuery("select k from SigningKey k order by k.createdAt", SigningKey.class)
            .getResultList()) {
      jwks.add(parse(stored, encryption));
    }
    String activeKid = active.get(active.size() - 1).kid();
    keyRing.load(jwks, activeKid);
    ServerSecret csrf = em.find(ServerSecret.class, CsrfTokens.SECRET_NAME);
    if (csrf == null) {
      throw new IllegalStateException("No CSRF secret in the database");
    }
    csrfTokens.load(
        Base64.getUrlDecoder().decode(encryption.reveal(secretAad(csrf.name()), csrf.secret())));
    LOG.info(() -> "Loaded " + jwks.size() + " signing key(s); active kid " + activeKid);
  }

  /**
   * Authenticated data of a server secret's ciphertext: never the same as a kid, so rows cannot be
   * swapped.
   */
  private static String secretAad(String name) {
    return "server-secret:" + name;
  }

  private List<SigningKey> activeKeys() {
    return em.createQuery(
            "select k from SigningKey k where k.status = :status order by k.createdAt, k.kid",
            SigningKey.class)
        .setParameter("status", SigningKey.Status.ACTIVE)
        .getResultList();
  }

  private static RSAKey generateRsaKey() {
    try {
      RSAKey key =
          new RSAKeyGenerator(RSA_KEY_BITS)
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.RS256)
              .generate();
      // The RFC 7638 thumbprint is a stable, collision-free kid.
      return new RSAKey.Builder(key).keyIDFromThumbprint().build();
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot generate an RSA signing key", e);
    }
  }

  private static JWK parse(SigningKey stored, KeyEncryption encryption) {
    try {
      JWK key = JWK.parse(encryption.reveal(stored.kid(), stored.privateJwk()));
      if (!key.isPrivate() || !stored.kid().equals(key.getKeyID())) {
        throw new IllegalStateException(
            "Stored key " + stored.kid() + " is not a private key with its own kid");
      }
      return key;
    } catch (ParseException e) {
      throw new IllegalStateException("Stored key " + stored.kid() + " cannot be read", e);
    }
  }
}
