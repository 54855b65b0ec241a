package dev.jwtauth.sso;

import dev.jwtauth.config.SignInSettings;
import dev.jwtauth.crypto.OpaqueValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Browser sessions in the database, shared by every node: started by a sign-in on the login page,
 * used by the next authorization requests of the same browser (single sign-on), ended by logout.
 */
@ApplicationScoped
public class BrowserSessions {

  /** A session just started, with the cookie value that is its only handle (never stored). */
  public record Started(String value, BrowserSession session) {}

  @PersistenceContext(unitName = "auth")
  EntityManager em;

  @Inject SignInSettings settings;
  @Inject Clock clock;

  @Transactional
  public Started start(String userId, String username) {
    Instant now = clock.instant();
    String value = OpaqueValues.generate();
    BrowserSession session =
        new BrowserSession(
            OpaqueValues.hash(value), userId, username, now, now.plus(settings.ssoLifetime()));
    em.persist(session);
    return new Started(value, session);
  }

  /**
   * The live session of a cookie value, marked as used now (which keeps it from idling out); empty
   * for an unknown, ended, expired or idle one.
   */
  @Transactional
  public Optional<BrowserSession> use(String value) {
    Instant now = clock.instant();
    Optional<BrowserSession> found =
        ofValue(value).filter(session -> session.liveAt(now, settings.ssoIdleTimeout()));
    found.ifPresent(session -> session.used(now));
    return found;
  }

  /** The session of a cookie value, whatever its state. */
  public Optional<BrowserSession> ofValue(String value) {
    if (value == null || value.isEmpty() || value.length() > OpaqueValues.MAX_LENGTH) {
      return Optional.empty();
    }
    return em.createQuery(
            "select b from BrowserSession b where b.tokenHash = :hash", BrowserSession.class)
        .setParameter("hash", OpaqueValues.hash(value))
        .getResultStream()
        .findFirst();
  }

  public Optional<BrowserSession> find(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(em.find(BrowserSession.class, id));
  }

  /** Whether the session is live now (not ended, expired or idle). */
  public boolean live(String id) {
    return find(id).map(s -> s.liveAt(clock.instant(), settings.ssoIdleTimeout())).orElse(false);
  }

  /** Ends a session; false if it was already ended or never existed. */
  @Transactional
  public boolean end(String id, String reason) {
    return em.createQuery(
                "update BrowserSession b set b.revokedAt = :now, b.revokedReason = :reason"
                    + " where b.id = :id and b.revokedAt is null")
            .setParameter("now", clock.instant())
            .setParameter("reason", reason)
            .setParameter("id", id)
            .executeUpdate()
        == 1;
  }

  /** Ends every session of a user; returns the ids of those that were live. */
  @Transactional
  public List<String> endAllOf(String userId, String reason) {
    List<String> ids =
        em.createQuery(
                "select b.id from BrowserSession b where b.userId = :user and b.revokedAt is null",
                String.class)
            .setParameter("user", userId)
            .getResultList();
    if (!ids.isEmpty()) {
      em.createQuery(
              "update BrowserSession b set b.revokedAt = :now, b.revokedReason = :reason"
                  + " where b.userId = :user and b.revokedAt is null")
          .setParameter("now", clock.instant())
          .setParameter("reason", reason)
          .setParameter("user", userId)
          .executeUpdate();
    }
    return ids;
  }

  /** Deletes expired and ended sessions. */
  @Transactional
  public int purge() {
    return em.createQuery(
            "delete from BrowserSession b where b.expiresAt <= :now or b.revokedAt is not null")
        .setParameter("now", clock.instant())
        .executeUpdate();
  }
}
