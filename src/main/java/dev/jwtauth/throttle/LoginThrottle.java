package dev.jwtauth.throttle;

import dev.jwtauth.config.ThrottleSettings;
import dev.jwtauth.faults.DatabaseFailures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionalException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * The one throttle in front of every credential check (login API, password grant, password change).
 *
 * <p>Why the counters are rows in the shared database and not in memory: the nodes already share it
 * and the login path already queries it, so two indexed lookups add about a millisecond to a
 * request that spends tens of milliseconds hashing; the count is exact on every node at once
 * (memory counters synchronised by polling would leave a window in which an attacker spreads
 * attempts over the nodes), and it survives restarts. A refused attempt costs those lookups and no
 * password hash.
 */
@ApplicationScoped
public class LoginThrottle {

  /** A lockout that ended longer ago than this no longer makes the next one longer. */
  static final Duration STRIKES_FORGOTTEN_AFTER = Duration.ofDays(1);

  private static final Logger LOG = Logger.getLogger(LoginThrottle.class.getName());

  @PersistenceContext(unitName = "auth")
  EntityManager em;

  @Inject ThrottleSettings settings;
  @Inject ThrottleRecords records;
  @Inject Clock clock;

  /**
   * Before the password is checked.
   *
   * @throws TooManyAttemptsException when the pair is locked or the address has failed too often
   */
  @Transactional
  public void check(String username, String address) {
    Instant now = clock.instant();
    LoginLockout lockout = em.find(LoginLockout.class, pairKey(username, address));
    if (lockout != null && lockout.lockedUntil().isAfter(now)) {
      throw new TooManyAttemptsException(Duration.between(now, lockout.lockedUntil()));
    }
    long fromAddress = failuresSince("address", address, now.minus(settings.addressWindow()));
    if (fromAddress >= settings.addressFailures()) {
      throw new TooManyAttemptsException(settings.addressWindow());
    }
  }

  /**
   * A failed check: counted, and the pair locked once it has failed often enough. Never fails the
   * request: two nodes locking the same pair at the same instant both try to create its lockout
   * row, the database keeps one, and that one stands.
   */
  public void failed(String username, String address) {
    Instant now = clock.instant();
    String pair = pairKey(username, address);
    if (records.countFailure(pair, address, now) < settings.pairFailures()) {
      return;
    }
    try {
      records.lock(pair, now);
    } catch (PersistenceException | TransactionalException e) {
      if (!DatabaseFailures.isConflict(e)) {
        throw e; // a database out of reach: 503, not a lockout silently lost
      }
      LOG.fine(() -> "Two nodes locked the same pair at once; one lockout stands");
    }
  }

  /** A successful check forgets the pair's failures and strikes. */
  @Transactional
  public void succeeded(String username, String address) {
    String pair = pairKey(username, address);
    em.createQuery("delete from LoginFailure f where f.pairKey = :pair")
        .setParameter("pair", pair)
        .executeUpdate();
    em.createQuery("delete from LoginLockout l where l.pairKey = :pair")
        .setParameter("pair", pair)
        .executeUpdate();
  }

  /** Deletes failures no limit counts any more and lockouts long over; returns how many. */
  @Transactional
  public int purge() {
    Instant now = clock.instant();
    Duration longest =
        settings.pairWindow().compareTo(settings.addressWindow()) > 0
            ? settings.pairWindow()
            : settings.addressWindow();
    int failures =
        em.createQuery("delete from LoginFailure f where f.occurredAt <= :before")
            .setParameter("before", now.minus(longest))
            .executeUpdate();
    int lockouts =
        em.createQuery("delete from LoginLockout l where l.lockedUntil <= :before")
            .setParameter("before", now.minus(STRIKES_FORGOTTEN_AFTER))
            .executeUpdate();
    return failures + lockouts;
  }

  private long failuresSince(String field, String value, Instant since) {
    return em.createQuery(
            "select count(f) from LoginFailure f where f."
                + field
                + " = :value and f.occurredAt > :since",
            Long.class)
        .setParameter("value", value)
        .setParameter("since", since)
        .getSingleResult();
  }

  /**
   * The pair's key: a hash, so that a password typed into the username field is never stored; the
   * username in lower case, so that case variants count together.
   */
  static String pairKey(String username, String address) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  (username.toLowerCase(Locale.ROOT) + "\n" + address)
                      .getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
