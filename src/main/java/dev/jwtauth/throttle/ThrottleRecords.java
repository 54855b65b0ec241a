package dev.jwtauth.throttle;

import dev.jwtauth.config.ThrottleSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * The throttle's writes, each its own transaction, so that a failure stays counted even when
 * locking its pair loses a race with another node ({@link LoginThrottle#failed}).
 */
@ApplicationScoped
public class ThrottleRecords {

  @PersistenceContext(unitName = "auth")
  EntityManager em;

  @Inject ThrottleSettings settings;

  /** Stores one failure; returns the pair's failures within the window, this one included. */
  @Transactional
  public long countFailure(String pair, String address, Instant now) {
    em.persist(new LoginFailure(pair, address, now));
    return em.createQuery(
            "select count(f) from LoginFailure f where f.pairKey = :pair and f.occurredAt > :since",
            Long.class)
        .setParameter("pair", pair)
        .setParameter("since", now.minus(settings.pairWindow()))
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
