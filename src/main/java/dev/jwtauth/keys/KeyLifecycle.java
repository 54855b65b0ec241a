package dev.jwtauth.keys;

import com.nimbusds.jose.jwk.JWK;
import dev.jwtauth.audit.AuditEventType;
import dev.jwtauth.audit.AuditLog;
import dev.jwtauth.clients.ClientRegistry;
import dev.jwtauth.config.KeySettings;
import dev.jwtauth.config.TokenSettings;
import dev.jwtauth.secrets.KeyEncryption;
import dev.jwtauth.secrets.ServerSecrets;
import dev.jwtauth.sync.ChangeFeed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * The life of the signing keys: the first key, rotation (scheduled and on request), import,
 * withdrawal. Every change locks the change feed's {@code keys} row first ({@link
 * ChangeFeed#announce}), so changes happen one after the other across nodes and each sees the one
 * before; the unique index on {@code active_slot} keeps one active key whatever happens. Every node
 * reloads its ring when the feed's version moves ({@link KeyLoader}).
 */
@ApplicationScoped
public class KeyLifecycle {

  private static final Logger LOG = Logger.getLogger(KeyLifecycle.class.getName());

  @PersistenceContext(unitName = "auth")
  EntityManager em;

  @Inject SigningKeys rows;
  @Inject ServerSecrets serverSecrets;
  @Inject Clock clock;
  @Inject ChangeFeed feed;
  @Inject KeySettings settings;
  @Inject TokenSettings authSettings;
  @Inject ClientRegistry clients;
  @Inject AuditLog audit;

  private KeyEncryption encryption() {
    return serverSecrets.encryption();
  }

  /**
   * Generates and stores a key of the configured algorithm unless an active key exists. Two nodes
   * starting together on an empty database take the feed's lock in turn: the second finds the
   * first's key.
   */
  @Transactional
  public void ensureActiveKey() {
    feed.announce(KeyLoader.TOPIC);
    if (rows.active().isPresent()) {
      return;
    }
    JWK key = KeyGenerator.generate(settings.algorithm());
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
    JWK fresh = KeyGenerator.generate(settings.algorithm());
    feed.announce(KeyLoader.TOPIC);
    Instant now = clock.instant();
    dropPendingNextKeys();
    retireActive(now);
    SigningKey key = SigningKey.active(fresh, protect(fresh), now);
    em.persist(key);
    audit.record(
        AuditEventType.KEY_ROTATED,
        actor,
        null,
        null,
        "kid=" + key.kid() + " alg=" + key.algorithm());
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
    feed.announce(KeyLoader.TOPIC);
    if (rows.find(key.getKeyID()) != null) {
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
        AuditEventType.KEY_IMPORTED,
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
    feed.announce(KeyLoader.TOPIC);
    SigningKey key = rows.find(kid);
    if (key == null) {
      return false;
    }
    boolean wasActive = key.status() == SigningKey.Status.ACTIVE;
    em.remove(key);
    em.flush();
    if (wasActive) {
      JWK fresh = KeyGenerator.generate(settings.algorithm());
      SigningKey replacement = SigningKey.active(fresh, protect(fresh), clock.instant());
      em.persist(replacement);
      audit.record(
          AuditEventType.KEY_ROTATED,
          actor,
          null,
          null,
          "kid=" + replacement.kid() + " alg=" + replacement.algorithm() + " replaces=" + kid);
    }
    audit.record(AuditEventType.KEY_WITHDRAWN, actor, null, null, "kid=" + kid);
    LOG.warning(() -> "Withdrew signing key " + kid + "; every token it signed is refused");
    return true;
  }

  /** Every key, oldest first. */
  @Transactional
  public List<KeyState> list() {
    return rows.all().stream().map(SigningKey::state).toList();
  }

  /**
   * Carries out what the rotation schedule says is due ({@link KeySchedule}), deciding again under
   * the lock from the database, so that nodes running the schedule together act once.
   *
   * @return whether anything changed
   */
  @Transactional
  public boolean advanceSchedule() {
    feed.announce(KeyLoader.TOPIC);
    Instant now = clock.instant();
    List<KeySchedule.Step> steps =
        KeySchedule.due(
            rows.all().stream().map(SigningKey::state).toList(),
            now,
            settings.rotationInterval(),
            publicationLead());
    for (KeySchedule.Step step : steps) {
      if (step instanceof KeySchedule.PublishNext publish) {
        JWK fresh = KeyGenerator.generate(settings.algorithm());
        // Counted from when the key exists, not from when the schedule was read.
        Instant published = clock.instant();
        Instant earliest = published.plus(publicationLead());
        Instant activateAt =
            publish.activateAt().isAfter(earliest) ? publish.activateAt() : earliest;
        em.persist(SigningKey.next(fresh, protect(fresh), published, activateAt));
        audit.record(
            AuditEventType.KEY_PUBLISHED,
            null,
            null,
            null,
            "kid=" + fresh.getKeyID() + " activate_at=" + activateAt);
      } else if (step instanceof KeySchedule.Activate activate) {
        retireActive(now);
        rows.find(activate.kid()).activate(now);
        audit.record(
            AuditEventType.KEY_ROTATED, null, null, null, "kid=" + activate.kid() + " scheduled");
      } else if (step instanceof KeySchedule.Unpublish unpublish) {
        em.remove(rows.find(unpublish.kid()));
        audit.record(AuditEventType.KEY_UNPUBLISHED, null, null, null, "kid=" + unpublish.kid());
      } else if (step instanceof KeySchedule.DateRetirement dated) {
        rows.find(dated.kid()).unpublishAt(now.plus(longestTokenLifetime()));
      }
    }
    return !steps.isEmpty();
  }

  /** A next key waiting to sign never signed anything: it can go at once. */
  private void dropPendingNextKeys() {
    for (SigningKey pending : rows.withStatus(SigningKey.Status.NEXT)) {
      em.remove(pending);
    }
  }

  /**
   * The active key retires, published until its tokens have expired; flushed, so that it gives up
   * the active slot before another key takes it (the unique index is checked per statement).
   */
  private void retireActive(Instant now) {
    rows.active().ifPresent(active -> active.retire(now, now.plus(longestTokenLifetime())));
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

  /**
   * Once an encryption secret is configured, no private key or server secret stays in plaintext
   * (docs/security.md): rows stored before it was set (embedded mode) are encrypted in place, each
   * with a log line. Rows that are already encrypted are untouched.
   */
  @Transactional
  public void encryptPlaintextAtRest() {
    KeyEncryption encryption = encryption();
    if (!encryption.encrypts()) {
      return;
    }
    for (SigningKey stored : rows.all()) {
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
    serverSecrets.encryptPlaintext(encryption);
  }
}
