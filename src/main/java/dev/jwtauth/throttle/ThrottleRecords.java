package dev.jwtauth.throttle;

import dev.jwtauth.config.ThrottleSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;

/**
 * The throttle's reads and writes, each its own transaction: an attempt is counted (committed)
 * before the limits are compared ({@link LoginThrottle#begin}), and a failure stays counted even
 * when locking its pair loses a race with another node ({@link LoginThrottle#failed}).
 */
@ApplicationScoped
public class ThrottleRecords {

  @PersistenceContext(unitName = "auth")
  EntityManager em;

  @Inject ThrottleSettings settings;

  /** The pair's and the address's counted attempts within their windows. */
  record Counts(long pair, long address) {}

  /** Refuses, without writing anything, a locked pair or an address already over its limit. */
  @Transactional
  public void refuseIfOverLimits(String pair, String address, Instant now) {
    LoginLockout lockout = em.find(LoginLockout.class, pair);
    if (lockout != null && lockout.lockedUntil().isAfter(now)) {
      throw new TooManyAttemptsException(
          Duration.between(now, lockout.lockedUntil()), "pair:" + pair);
    }
    if (addressFailures(address, now) >= settings.addressFailures()) {
      throw new TooManyAttemptsException(settings.addressWindow(), "address:" + address);
    }
  }

  /** Counts one attempt as a failure, committed at once; returns its id. */
  @Transactional
  public String count(String pair, String address, Instant now) {
    LoginFailure failure = new LoginFailure(pair, address, now);
    em.persist(failure);
    return failure.id();
  }

  /**
   * The counts as they are now; a pair locked meanwhile counts as full (locking it cleared its
   * failures, so its count alone would let attempts through). The failures are read before the
   * lockout: under read committed each statement sees its own moment, and a lock committing between
   * the two reads is then seen by the second (read the other way round, the lockout read could miss
   * it and the count then find the failures it cleared: two hashes where one was left).
   */
  @Transactional
  public Counts countsSince(String pair, String address, Instant now) {
    long pairCount = pairFailures(pair, now);
    long addressCount = addressFailures(address, now);
    LoginLockout lockout = em.find(LoginLockout.class, pair);
    if (lockout != null && lockout.lockedUntil().isAfter(now)) {
      pairCount = Long.MAX_VALUE;
    }
    return new Counts(pairCount, addressCount);
  }

  /** The pair's failures within its window. */
  @Transactional
  public long pairFailures(String pair, Instant now) {
    return failuresSince("pairKey", pair, now.minus(settings.pairWindow()));
  }

  /** Uncounts one attempt. */
  @Transactional
  public void forget(String id) {
    em.createQuery("delete from LoginFailure f where f.id = :id")
        .setParameter("id", id)
        .executeUpdate();
  }

  private long addressFailures(String address, Instant now) {
    return failuresSince("address", address, now.minus(settings.addressWindow()));
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

  /** Locks the pair, longer for each recent lockout; its counted failures start afresh after. */
  @Transactional
  public void lock(String pair, Instant now) {
    LoginLockout existing = em.find(LoginLockout.class, pair);
    boolean recent =
        existing != null
            && existing.lockedUntil().plus(LoginThrottle.STRIKES_FORGOTTEN_AFTER).isAfter(now);
    int strike = recent ? existing.strikes() + 1 : 1;
    LoginLockout lockout = existing != null ? existing : new LoginLockout(pair);
    lockout.lock(
        strike, now.plus(Lockouts.duration(strike, settings.lockout(), settings.maxLockout())));
    if (existing == null) {
      // Persisted complete: Hibernate inserts the state an entity had when it was persisted (then
      // updates it), so a lockout persisted before lock() would be inserted without its time.
      em.persist(lockout);
      // Another node's lockout of the same pair fails here, as a PersistenceException the caller
      // catches, on every server: left to the commit, WildFly throws a checked RollbackException.
      em.flush();
    }
    em.createQuery("delete from LoginFailure f where f.pairKey = :pair")
        .setParameter("pair", pair)
        .executeUpdate();
  }
}
