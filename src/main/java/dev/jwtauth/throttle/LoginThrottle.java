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
 * password hash; a burst of parallel attempts computes no more hashes than the limits allow.
 */
@ApplicationScoped
public class LoginThrottle {

  /** A lockout that ended longer ago than this no longer makes the next one longer. */
  static final Duration STRIKES_FORGOTTEN_AFTER = Duration.ofDays(1);

  private static final Logger LOG = Logger.getLogger(LoginThrottle.class.getName());

  private static final Object[] STRIPES = new Object[64];

  static {
    for (int i = 0; i < STRIPES.length; i++) {
      STRIPES[i] = new Object();
    }
  }

  @PersistenceContext(unitName = "auth")
  EntityManager em;

  @Inject ThrottleSettings settings;
  @Inject ThrottleRecords records;
  @Inject Clock clock;

  /**
   * An attempt let through to a credential check. It is counted as a failure from the moment it is
   * let through, so that a burst of parallel attempts cannot all pass the limits before the first
   * of them is counted: the check ends with {@link #failed}, {@link #succeeded} or, when no
   * credential was checked after all, {@link #abandoned}.
   */
  public record Attempt(String id, String pairKey, String address) {}

  /**
   * Before the password is checked: refuses a locked pair or an address over its limit, else counts
   * the attempt and lets it through, unless attempts let through at the same moment already use up
   * what the limits leave. Why counted first and compared after its commit: of parallel attempts,
   * each sees at least those committed before its own, so the one that would exceed a limit always
   * sees that it does — never more hashes than the limits allow, on every node.
   *
   * @throws TooManyAttemptsException when the pair is locked or the address has failed too often
   */
  public Attempt begin(String username, String address) {
    // One address's attempts begin one at a time on this node (a pair is always one address's):
    // the database's counts then decide across nodes, and on one node no two attempts of an
    // address ever see the same count.
    synchronized (STRIPES[Math.floorMod(address.hashCode(), STRIPES.length)]) {
      return beginAlone(username, address);
    }
  }

  private Attempt beginAlone(String username, String address) {
    Instant now = clock.instant();
    String pair = pairKey(username, address);
    records.refuseIfOverLimits(pair, address, now);
    Attempt attempt = new Attempt(records.count(pair, address, now), pair, address);
    ThrottleRecords.Counts counts = records.countsSince(pair, address, now);
    boolean pairFull = counts.pair() > settings.pairFailures();
    if (pairFull || counts.address() > settings.addressFailures()) {
      records.forget(attempt.id());
      throw pairFull
          ? new TooManyAttemptsException(settings.lockout(), "pair:" + pair)
          : new TooManyAttemptsException(settings.addressWindow(), "address:" + address);
    }
    return attempt;
  }

  /**
   * A failed check: it stays counted, and the pair is locked once it has failed often enough. Never
   * fails the request: two nodes locking the same pair at the same instant both try to create its
   * lockout row, the database keeps one, and that one stands.
   */
  public void failed(Attempt attempt) {
    Instant now = clock.instant();
    if (records.pairFailures(attempt.pairKey(), now) < settings.pairFailures()) {
      return;
    }
    try {
      records.lock(attempt.pairKey(), now);
    } catch (PersistenceException | TransactionalException e) {
      if (!DatabaseFailures.isConflict(e)) {
        throw e; // a database out of reach: 503, not a lockout silently lost
      }
      LOG.fine(() -> "Two nodes locked the same pair at once; one lockout stands");
    }
  }

  /** A successful check forgets the pair's failures and strikes. */
  @Transactional
  public void succeeded(Attempt attempt) {
    em.createQuery("delete from LoginFailure f where f.pairKey = :pair")
        .setParameter("pair", attempt.pairKey())
        .executeUpdate();
    em.createQuery("delete from LoginLockout l where l.pairKey = :pair")
        .setParameter("pair", attempt.pairKey())
        .executeUpdate();
  }

  /** No credential was checked after all (no hashing slot, a refused new password): uncounted. */
  public void abandoned(Attempt attempt) {
    records.forget(attempt.id());
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
