package dev.jwtauth.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.jwtauth.audit.AuditLog;
import dev.jwtauth.clients.ClientRegistry;
import dev.jwtauth.config.AuthSettings;
import dev.jwtauth.config.KeySettings;
import dev.jwtauth.config.Secrets;
import dev.jwtauth.crypto.ServerSecretKeys;
import dev.jwtauth.sync.ChangeFeed;
import dev.jwtauth.sync.SharedState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The signing keys in the database: the first key, rotation (scheduled and on request), withdrawal,
 * and loading them into the {@link KeyRing}. Every change locks the change feed's {@code keys} row
 * first ({@link ChangeFeed#announce}), so changes happen one after the other across nodes and each
 * sees the one before; the unique index on {@code active_slot} keeps one active key whatever
 * happens. Every node reloads its ring when the feed's version moves ({@link SharedState}).
 */
@ApplicationScoped
public class KeyService implements SharedState {

  static final String TOPIC = "keys";
  private static final Logger LOG = Logger.getLogger(KeyService.class.getName());
  static final int RSA_KEY_BITS = 2048;
  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext(unitName = "auth")
  EntityManager em;

  @Inject KeyRing keyRing;
  @Inject CsrfTokens csrfTokens;
  @Inject ServerSecretKeys serverSecretKeys;
  @Inject Clock clock;
  @Inject Secrets secrets;
  @Inject ChangeFeed feed;
  @Inject KeySettings settings;
  @Inject AuthSettings authSettings;
  @Inject ClientRegistry clients;
  @Inject AuditLog audit;

  private final Object loading = new Object();
  private final DecodedKeys decodedKeys = new DecodedKeys(); // used under the loading lock

  private KeyEncryption encryption() {
    return new KeyEncryption(secrets.keysEncryptionSecret().orElse(null));
  }

  /**
   * Generates and stores a key of the configured algorithm unless an active key exists. Two nodes
   * starting together on an empty database take the feed's lock in turn: the second finds the
   * first's key.
   */
  @Transactional
  public void ensureActiveKey() {
    feed.announce(TOPIC);
    if (findActive().isPresent()) {
      return;
    }
    JWK key = generate(settings.algorithm());
    em.persist(SigningKey.active(key, protect(key), clock.instant()));
    LOG.info(() -> "Generated signing key " + key.getKeyID() + " (" + settings.algorithm() + ")");
  }

  /**
   * A new key signs from now on (the answer to a suspected compromise); the active key retires and
   * stays published until its tokens have expired. A next key waiting to sign is dropped: it never
   * signed, and it was stored beside the key under suspicion.
   *
   * @return the new key
   */
  @Transactional
  public KeyState rotate(String actor) {
    JWK fresh = generate(settings.algorithm());
    feed.announce(TOPIC);
    Instant now = clock.instant();
    dropPendingNextKeys();
    retireActive(now);
    SigningKey key = SigningKey.active(fresh, protect(fresh), now);
    em.persist(key);
    audit.record("key_rotated", actor, null, null, "kid=" + key.kid() + " alg=" + key.algorithm());
    LOG.info(() -> "Rotated: signing key " + key.kid() + " is active");
    return key.state();
  }

  /**
   * Stores an imported private key ({@link #parsePem} or {@link #parseJwk}): as the next key,
   * published now and signing one JWKS cache lifetime later (a next key waiting before is dropped),
   * or, with {@code activate}, signing at once like a rotation.
   *
   * @throws DuplicateKeyException when its kid is taken
   */
  @Transactional
  public KeyState importKey(JWK key, boolean activate, String actor) {
    feed.announce(TOPIC);
    if (em.find(SigningKey.class, key.getKeyID()) != null) {
      throw new DuplicateKeyException(key.getKeyID());
    }
    Instant now = clock.instant();
    dropPendingNextKeys();
    SigningKey stored;
    if (activate) {
      retireActive(now);
      stored = SigningKey.active(key, protect(key), now);
    } else {
      stored = SigningKey.next(key, protect(key), now, now.plus(publicationLead()));
    }
    em.persist(stored);
    audit.record(
        "key_imported",
        actor,
        null,
        null,
        "kid=" + stored.kid() + " alg=" + stored.algorithm() + " status=" + stored.status());
    return stored.state();
  }

  /** A PKCS#8 PEM private key, checked; see {@link KeyImport}. */
  public JWK parsePem(String pem) {
    return KeyImport.fromPem(pem);
  }

  /** A private JWK, checked; see {@link KeyImport}. */
  public JWK parseJwk(String json) {
    return KeyImport.fromJwk(json);
  }

  /**
   * Withdraws a key at once: it leaves the database, so every node drops it from the JWKS and
   * refuses every token it signed. Withdrawing the active key first makes a new one active.
   *
   * @return false if there is no such key
   */
  @Transactional
  public boolean withdraw(String kid, String actor) {
    feed.announce(TOPIC);
    SigningKey key = kid == null ? null : em.find(SigningKey.class, kid);
    if (key == null) {
      return false;
    }
    boolean wasActive = key.status() == SigningKey.Status.ACTIVE;
    em.remove(key);
    em.flush();
    if (wasActive) {
      JWK fresh = generate(settings.algorithm());
      SigningKey replacement = SigningKey.active(fresh, protect(fresh), clock.instant());
      em.persist(replacement);
      audit.record(
          "key_rotated",
          actor,
          null,
          null,
          "kid=" + replacement.kid() + " alg=" + replacement.algorithm() + " replaces=" + kid);
    }
    audit.record("key_withdrawn", actor, null, null, "kid=" + kid);
    LOG.warning(() -> "Withdrew signing key " + kid + "; every token it signed is refused");
    return true;
  }

  /** Every key, oldest first. */
  @Transactional
  public List<KeyState> list() {
    return allKeys().stream().map(SigningKey::state).toList();
  }

  /**
   * Carries out what the rotation schedule says is due ({@link KeySchedule}), deciding again under
   * the lock from the database, so that nodes running the schedule together act once.
   *
   * @return whether anything changed
   */
  @Transactional
  public boolean advanceSchedule() {
    feed.announce(TOPIC);
    Instant now = clock.instant();
    List<KeySchedule.Step> steps =
        KeySchedule.due(
            allKeys().stream().map(SigningKey::state).toList(),
            now,
            settings.rotationInterval(),
            publicationLead());
    for (KeySchedule.Step step : steps) {
      if (step instanceof KeySchedule.PublishNext publish) {
        JWK fresh = generate(settings.algorithm());
        // Counted from when the key exists, not from when the schedule was read.
        Instant published = clock.instant();
        Instant earliest = published.plus(publicationLead());
        Instant activateAt =
            publish.activateAt().isAfter(earliest) ? publish.activateAt() : earliest;
        em.persist(SigningKey.next(fresh, protect(fresh), published, activateAt));
        audit.record(
            "key_published",
            null,
            null,
            null,
            "kid=" + fresh.getKeyID() + " activate_at=" + activateAt);
      } else if (step instanceof KeySchedule.Activate activate) {
        retireActive(now);
        em.find(SigningKey.class, activate.kid()).activate(now);
        audit.record("key_rotated", null, null, null, "kid=" + activate.kid() + " scheduled");
      } else if (step instanceof KeySchedule.Unpublish unpublish) {
        em.remove(em.find(SigningKey.class, unpublish.kid()));
        audit.record("key_unpublished", null, null, null, "kid=" + unpublish.kid());
      } else if (step instanceof KeySchedule.DateRetirement dated) {
        em.find(SigningKey.class, dated.kid()).unpublishAt(now.plus(longestTokenLifetime()));
      }
    }
    return !steps.isEmpty();
  }

  /** A next key waiting to sign never signed anything: it can go at once. */
  private void dropPendingNextKeys() {
    for (SigningKey pending : withStatus(SigningKey.Status.NEXT)) {
      em.remove(pending);
    }
  }

  /**
   * The active key retires, published until its tokens have expired; flushed, so that it gives up
   * the active slot before another key takes it (the unique index is checked per statement).
   */
  private void retireActive(Instant now) {
    findActive().ifPresent(active -> active.retire(now, now.plus(longestTokenLifetime())));
    em.flush();
  }

  /**
   * How long before it signs the next key is published: a JWKS cache lifetime, and a second for
   * every node to load it through the change feed.
   */
  Duration publicationLead() {
    return settings.jwksMaxAge().plus(SYNC_ALLOWANCE);
  }

  /** Every node loads a key change within this long (the change feed is polled every 500 ms). */
  static final Duration SYNC_ALLOWANCE = Duration.ofSeconds(1);

  /**
   * A retired key must verify every token it signed until it expires: the longest lifetime a token
   * could have been given, plus the clock skew verifiers allow.
   */
  private Duration longestTokenLifetime() {
    return clients
        .longestAccessTokenTtl(authSettings.accessTokenTtl())
        .plus(authSettings.clockSkew());
  }

  private String protect(JWK key) {
    return encryption().protect(key.getKeyID(), key.toJSONString());
  }

  @Override
  public String topic() {
    return TOPIC;
  }

  // Transactional themselves, like every method a scheduled task calls: outside a transaction
  // Payara ties the EntityManager to an invocation that a scheduled task does not have.
  @Override
  @Transactional
  public void load() {
    loadIntoMemory();
  }

  @Override
  @Transactional
  public void catchUp() {
    loadIntoMemory();
  }

  /**
   * Creates the shared CSRF secret unless it exists. Two nodes starting together may both try: the
   * primary key lets one insert win, and the other's fails here ({@link #hasServerSecret} then
   * tells the caller it exists all the same).
   */
  @Transactional
  public void ensureServerSecret() {
    if (hasServerSecret()) {
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

  /** Whether the shared CSRF secret exists (created here or by another node). */
  @Transactional
  public boolean hasServerSecret() {
    return em.find(ServerSecret.class, CsrfTokens.SECRET_NAME) != null;
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
   * Decodes every key once and hands them to the {@link KeyRing}. Transactional even though it only
   * reads: outside a transaction Payara ties the EntityManager to the current invocation, which a
   * scheduled task does not have.
   *
   * <p>One load at a time, reading and replacing together: a load that starts after a change has
   * committed then always replaces last. Otherwise the background poll, having read the keys just
   * before an admin's rotation committed, could put them back after the admin's own reload, and
   * this node would sign with the retired key until the next poll.
   */
  @Transactional
  public void loadIntoMemory() {
    synchronized (loading) {
      readIntoMemory();
    }
  }

  private void readIntoMemory() {
    SigningKey active =
        findActive()
            .orElseThrow(() -> new IllegalStateException("No active signing key in the database"));
    KeyEncryption encryption = encryption();
    List<SigningKey> rows = allKeys();
    List<JWK> jwks =
        decodedKeys.decodeAll(
            rows.stream().map(row -> new DecodedKeys.Stored(row.kid(), row.privateJwk())).toList(),
            (kid, stored) -> parse(kid, stored, encryption));
    List<KeyState> states = rows.stream().map(SigningKey::state).toList();
    byte[] csrfSecret = serverSecret(encryption);
    // Everything read and decoded before anything in memory changes: a failure leaves it whole.
    keyRing.load(jwks, active.kid(), states);
    csrfTokens.load(csrfSecret);
    serverSecretKeys.load(csrfSecret);
    LOG.fine(() -> "Loaded " + jwks.size() + " signing key(s); active kid " + active.kid());
  }

  /**
   * Reads the server secret into memory on its own, before the rest (the start-up defines the
   * configured clients, whose secrets are hashed with a key derived from it, before the key ring is
   * loaded).
   */
  @Transactional
  public void loadServerSecret() {
    serverSecretKeys.load(serverSecret(encryption()));
  }

  private byte[] serverSecret(KeyEncryption encryption) {
    ServerSecret csrf = em.find(ServerSecret.class, CsrfTokens.SECRET_NAME);
    if (csrf == null) {
      throw new IllegalStateException("No server secret in the database");
    }
    return Base64.getUrlDecoder().decode(encryption.reveal(secretAad(csrf.name()), csrf.secret()));
  }

  /**
   * Authenticated data of a server secret's ciphertext: never the same as a kid, so rows cannot be
   * swapped.
   */
  private static String secretAad(String name) {
    return "server-secret:" + name;
  }

  private Optional<SigningKey> findActive() {
    return withStatus(SigningKey.Status.ACTIVE).stream().findFirst();
  }

  private List<SigningKey> withStatus(SigningKey.Status status) {
    return em.createQuery(
            "select k from SigningKey k where k.status = :status order by k.createdAt, k.kid",
            SigningKey.class)
        .setParameter("status", status)
        .getResultList();
  }

  private List<SigningKey> allKeys() {
    return em.createQuery(
            "select k from SigningKey k order by k.createdAt, k.kid", SigningKey.class)
        .getResultList();
  }

  /** A new signing key with its RFC 7638 thumbprint as kid (stable and collision-free). */
  private static JWK generate(String algorithm) {
    try {
      if ("EdDSA".equals(algorithm)) {
        return Ed25519Keys.generate();
      }
      if ("ES256".equals(algorithm)) {
        ECKey key =
            new ECKeyGenerator(Curve.P_256)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.ES256)
                .generate();
        return new ECKey.Builder(key).keyIDFromThumbprint().build();
      }
      RSAKey key =
          new RSAKeyGenerator(RSA_KEY_BITS)
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.RS256)
              .generate();
      return new RSAKey.Builder(key).keyIDFromThumbprint().build();
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot generate a " + algorithm + " signing key", e);
    }
  }

  private static JWK parse(String kid, String stored, KeyEncryption encryption) {
    try {
      JWK key = JWK.parse(encryption.reveal(kid, stored));
      if (!key.isPrivate() || !kid.equals(key.getKeyID())) {
        throw new IllegalStateException(
            "Stored key " + kid + " is not a private key with its own kid");
      }
      return key;
    } catch (ParseException e) {
      throw new IllegalStateException("Stored key " + kid + " cannot be read", e);
    }
  }
}
