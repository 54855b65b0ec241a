package dev.jwtauth.refresh;

import dev.jwtauth.audit.AuditEventType;
import dev.jwtauth.audit.AuditLog;
import dev.jwtauth.audit.RepeatedEvents;
import dev.jwtauth.config.RefreshSettings;
import dev.jwtauth.crypto.OpaqueValues;
import dev.jwtauth.crypto.SealedValues;
import dev.jwtauth.crypto.ServerSecretKeys;
import dev.jwtauth.refresh.RefreshToken.State;
import dev.jwtauth.revocation.RevocationService;
import dev.jwtauth.users.UserAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sessions and refresh tokens in the database. Every change is one transaction; the step that makes
 * a token unusable is a conditional UPDATE ({@code ... WHERE state = 'ACTIVE'}), so when requests
 * race with one token the database lets exactly one of them through, on every node.
 */
@ApplicationScoped
public class RefreshTokenStore {

  /** The refreshes of one session within this long are one audit row with a count. */
  static final Duration REFRESH_AUDIT_WINDOW = Duration.ofMinutes(1);

  /** A refresh token value handed to a client, with what it belongs to. */
  public record Issued(String value, LoginSession session, Instant expiresAt) {}

  /** The result of presenting a refresh token. */
  public sealed interface Outcome permits Rotated, Refused {}

  /**
   * A successful presentation: {@code next} is the new token, or with {@code retried} the successor
   * the same token was already rotated into (its first answer was lost).
   */
  public record Rotated(Issued next, UserAccount user, boolean retried) implements Outcome {}

  public record Refused(RefreshRefusal reason) implements Outcome {}

  @PersistenceContext(unitName = "auth")
  EntityManager em;

  @Inject RefreshSettings settings;
  @Inject AuditLog audit;
  @Inject RevocationService revocations;
  @Inject ServerSecretKeys secretKeys;
  @Inject RepeatedEvents repeated;
  @Inject Clock clock;

  /**
   * Starts a session; when the user already holds {@code auth.session.max-per-user} live sessions,
   * the oldest end (so one account cannot pile up sessions without bound).
   */
  @Transactional
  public Issued startSession(String userId, String username, String clientId, String scope) {
    return startSession(null, userId, username, clientId, scope);
  }

  /** As {@link #startSession(String, String, String, String)}, through a browser session. */
  @Transactional
  public Issued startSession(
      BrowserSignIn signIn, String userId, String username, String clientId, String scope) {
    Instant now = clock.instant();
    endOldestBeyondLimit(userId, now);
    Instant expiresAt = now.plus(settings.sessionLifetime());
    LoginSession session =
        signIn == null
            ? new LoginSession(userId, username, clientId, scope, now, expiresAt)
            : new LoginSession(signIn, userId, username, clientId, scope, now, expiresAt);
    em.persist(session);
    NewToken token = newToken(session, now);
    em.persist(token.entity());
    return token.issued();
  }

  @Transactional
  public Outcome rotate(String value, String clientId) {
    Instant now = clock.instant();
    // The token, its session and its user in one round trip (a refresh's statements).
    Object[] found =
        em.createQuery(
                "select t, s, u from RefreshToken t, LoginSession s, UserAccount u left join fetch u.roles"
                    + " where t.tokenHash = :hash and s.id = t.sessionId and u.id = s.userId",
                Object[].class)
            .setParameter("hash", OpaqueValues.hash(value))
            .getResultStream()
            .findFirst()
            .orElse(null);
    if (found == null) {
      return unknown(value, now);
    }
    RefreshToken presented = (RefreshToken) found[0];
    LoginSession session = (LoginSession) found[1];
    // Users are disabled, never deleted: every session's user exists.
    Optional<UserAccount> user = Optional.of((UserAccount) found[2]);
    // Only a rotated token still holding its sealed successor costs the extra read.
    RefreshToken successor =
        presented.state() == State.ROTATED && presented.successorSealed() != null
            ? em.find(RefreshToken.class, presented.successorId())
            : null;
    RefreshDecision decision =
        RefreshDecision.decide(
            presented,
            session,
            clientId,
            user.map(UserAccount::enabled).orElse(false),
            successor != null && successor.state() == State.ACTIVE,
            now,
            new RefreshDecision.Windows(settings.retryWindow(), settings.reuseGrace()));
    switch (decision) {
      case ROTATE:
        return rotateFrom(presented, value, session, user.get(), now);
      case RETRY:
        Optional<String> again =
            SealedValues.open(value, presented.id(), presented.successorSealed());
        if (again.isPresent()) {
          return new Rotated(
              new Issued(again.get(), session, successor.expiresAt()), user.get(), true);
        }
        // Unreadable with the token's own value: the row was altered. Treat it as the replay.
        return reuse(session, now);
      case ROTATE_WITHIN_GRACE:
        RefreshToken current = activeToken(session.id());
        return current == null
            ? new Refused(RefreshRefusal.REUSED)
            : rotateFrom(current, null, session, user.get(), now);
      case REUSE_DETECTED:
        return reuse(session, now);
      default:
        return new Refused(RefreshRefusal.of(decision));
    }
  }

  private void endOldestBeyondLimit(String userId, Instant now) {
    String live =
        " from LoginSession s where s.userId = :user and s.revokedAt is null"
            + " and s.expiresAt > :now";
    long count =
        em.createQuery("select count(s)" + live, Long.class)
            .setParameter("user", userId)
            .setParameter("now", now)
            .getSingleResult();
    long beyond = count - (settings.maxSessionsPerUser() - 1);
    if (beyond <= 0) {
      return;
    }
    List<LoginSession> oldest =
        em.createQuery("select s" + live + " order by s.createdAt, s.id", LoginSession.class)
            .setParameter("user", userId)
            .setParameter("now", now)
            .setMaxResults((int) beyond)
            .getResultList();
    for (LoginSession session : oldest) {
      revoke(session, now, "session_limit");
      audit.record(
          AuditEventType.SESSION_ENDED,
          null,
          userId,
          session.id(),
          "the user's oldest session ended: auth.session.max-per-user reached");
    }
  }

  /**
   * A value with no row: unknown, or one of ours rotated long enough ago for its row to be gone
   * (see {@link RefreshTokenTags}) — that is reuse, as it would have been with the row.
   */
  private Refused unknown(String value, Instant now) {
    Optional<RefreshTokenTags.Tag> tag =
        RefreshTokenTags.read(secretKeys.derive(ServerSecretKeys.REFRESH_TOKEN_TAGS), value);
    if (tag.isEmpty() || !now.isBefore(tag.get().expiresAt())) {
      return new Refused(RefreshRefusal.UNKNOWN);
    }
    LoginSession session = em.find(LoginSession.class, tag.get().sessionId());
    if (session == null || session.revoked() || !now.isBefore(session.expiresAt())) {
      return new Refused(RefreshRefusal.UNKNOWN);
    }
    return reuse(session, now);
  }

  private Refused reuse(LoginSession session, Instant now) {
    revoke(session, now, "refresh_token_reuse");
    audit.record(
        AuditEventType.REFRESH_TOKEN_REUSE,
        null,
        session.userId(),
        session.id(),
        "a rotated refresh token was presented again; the session is revoked");
    return new Refused(RefreshRefusal.REUSED);
  }

  /** The session a refresh token value belongs to, whatever its state. */
  public Optional<LoginSession> sessionOf(String value) {
    RefreshToken token = findByHash(OpaqueValues.hash(value));
    return token == null
        ? Optional.empty()
        : Optional.ofNullable(em.find(LoginSession.class, token.sessionId()));
  }

  /** The caller's sessions that can still be refreshed. */
  public List<LoginSession> activeSessions(String userId) {
    return em.createQuery(
            "select s from LoginSession s where s.userId = :user and s.revokedAt is null"
                + " and s.expiresAt > :now and exists (select t from RefreshToken t where t.sessionId = s.id"
                + " and t.state = :active and t.expiresAt > :now) order by s.createdAt",
            LoginSession.class)
        .setParameter("user", userId)
        .setParameter("now", clock.instant())
        .setParameter("active", State.ACTIVE)
        .getResultList();
  }

  /** Revokes one session of this user; false if the user has no such live session. */
  @Transactional
  public boolean revokeSession(String userId, String sessionId, String reason) {
    LoginSession session = em.find(LoginSession.class, sessionId);
    if (session == null || !session.userId().equals(userId) || session.revoked()) {
      return false;
    }
    revoke(session, clock.instant(), reason);
    return true;
  }

  /**
   * Revokes the live sessions started through a browser session; returns their ids with their
   * users.
   */
  @Transactional
  public List<LoginSession> revokeSessionsOfBrowserSession(String browserSessionId, String reason) {
    Instant now = clock.instant();
    List<LoginSession> sessions =
        em.createQuery(
                "select s from LoginSession s where s.browserSessionId = :browser"
                    + " and s.revokedAt is null",
                LoginSession.class)
            .setParameter("browser", browserSessionId)
            .getResultList();
    sessions.forEach(session -> revoke(session, now, reason));
    return sessions;
  }

  /** A session by id, whatever its state. */
  public Optional<LoginSession> find(String sessionId) {
    return Optional.ofNullable(em.find(LoginSession.class, sessionId));
  }

  @Transactional
  public int revokeAllSessions(String userId, String reason) {
    Instant now = clock.instant();
    List<LoginSession> sessions =
        em.createQuery(
                "select s from LoginSession s where s.userId = :user and s.revokedAt is null",
                LoginSession.class)
            .setParameter("user", userId)
            .getResultList();
    sessions.forEach(session -> revoke(session, now, reason));
    return sessions.size();
  }

  /**
   * Ends every live session of a client and its refresh tokens, in two statements whatever their
   * number; their access tokens are refused by the client's not-before (not one revocation per
   * session). Returns how many sessions ended.
   */
  @Transactional
  public int revokeSessionsOfClient(String clientId, String reason) {
    em.createQuery(
            "update RefreshToken t set t.state = :revoked where t.state = :active and t.sessionId"
                + " in (select s.id from LoginSession s where s.clientId = :client"
                + " and s.revokedAt is null)")
        .setParameter("revoked", State.REVOKED)
        .setParameter("active", State.ACTIVE)
        .setParameter("client", clientId)
        .executeUpdate();
    return em.createQuery(
            "update LoginSession s set s.revokedAt = :now, s.revokedReason = :reason"
                + " where s.clientId = :client and s.revokedAt is null")
        .setParameter("now", clock.instant())
        .setParameter("reason", reason)
        .setParameter("client", clientId)
        .executeUpdate();
  }

  /**
   * Deletes expired tokens, tokens rotated longer ago than the retry window and the reuse grace,
   * and expired or revoked sessions with their tokens, and forgets the sealed successors of tokens
   * rotated longer ago than the retry window.
   */
  @Transactional
  public int purge() {
    Instant now = clock.instant();
    em.createQuery(
            "update RefreshToken t set t.successorSealed = null"
                + " where t.successorSealed is not null and t.rotatedAt <= :cutoff")
        .setParameter("cutoff", now.minus(settings.retryWindow()))
        .executeUpdate();
    // Rotated tokens past both windows: a replay is still reuse, recognised by its tag.
    int superseded =
        em.createQuery(
                "delete from RefreshToken t where t.state = :rotated and t.rotatedAt <= :cutoff")
            .setParameter("rotated", State.ROTATED)
            .setParameter("cutoff", supersededCutoff(now))
            .executeUpdate();
    String deadSessions =
        "select s.id from LoginSession s where s.expiresAt <= :now or s.revokedAt is not null";
    int tokens =
        em.createQuery(
                "delete from RefreshToken t where t.expiresAt <= :now or t.sessionId in ("
                    + deadSessions
                    + ")")
            .setParameter("now", now)
            .executeUpdate();
    int sessions =
        em.createQuery(
                "delete from LoginSession s where s.expiresAt <= :now or s.revokedAt is not null")
            .setParameter("now", now)
            .executeUpdate();
    return superseded + tokens + sessions;
  }

  /** Rotated before this, a token's row serves neither a retry nor the reuse grace any more. */
  private Instant supersededCutoff(Instant now) {
    Duration kept =
        settings.retryWindow().compareTo(settings.reuseGrace()) > 0
            ? settings.retryWindow()
            : settings.reuseGrace();
    return now.minus(kept);
  }

  /**
   * @param oldValue the old token's value, to seal its successor under for a retry; null when the
   *     caller does not hold it (the grace path rotates the session's current token)
   */
  private Outcome rotateFrom(
      RefreshToken old, String oldValue, LoginSession session, UserAccount user, Instant now) {
    NewToken next = newToken(session, now);
    String sealed =
        oldValue == null || settings.retryWindow().isZero()
            ? null
            : SealedValues.seal(oldValue, old.id(), next.issued().value());
    // The single winner: only one transaction can move this row from ACTIVE to ROTATED.
    int won =
        em.createQuery(
                "update RefreshToken t set t.state = :rotated, t.rotatedAt = :now,"
                    + " t.successorId = :next, t.successorSealed = :sealed"
                    + " where t.id = :id and t.state = :active")
            .setParameter("rotated", State.ROTATED)
            .setParameter("now", now)
            .setParameter("next", next.entity().id())
            .setParameter("sealed", sealed)
            .setParameter("id", old.id())
            .setParameter("active", State.ACTIVE)
            .executeUpdate();
    if (won == 0) {
      return new Refused(RefreshRefusal.CONCURRENT_REFRESH);
    }
    em.persist(next.entity());
    // The session's tokens rotated before the windows: gone now, not at the next purge, so that a
    // session refreshed in a loop keeps only the rows its windows need.
    em.createQuery(
            "delete from RefreshToken t where t.sessionId = :session and t.state = :rotated"
                + " and t.rotatedAt <= :cutoff")
        .setParameter("session", session.id())
        .setParameter("rotated", State.ROTATED)
        .setParameter("cutoff", supersededCutoff(now))
        .executeUpdate();
    session.used(now);
    // The first refresh of a session in a minute writes its row in the rotation's transaction;
    // the others of that minute are counted into it (a session refreshed in a loop writes one row
    // a minute, not one per refresh).
    repeated.record(
        session.id(),
        REFRESH_AUDIT_WINDOW,
        AuditEventType.TOKEN_REFRESHED,
        () ->
            audit.recordForClient(
                AuditEventType.TOKEN_REFRESHED,
                user.id(),
                user.id(),
                session.id(),
                session.clientId(),
                "refresh token " + next.entity().id() + " replaces " + old.id()));
    return new Rotated(next.issued(), user, false);
  }

  /** The session's refresh tokens stop working, and so do its access tokens (by sid). */
  private void revoke(LoginSession session, Instant now, String reason) {
    session.revoke(now, reason);
    revocations.revokeSession(session.id(), reason);
    em.createQuery(
            "update RefreshToken t set t.state = :revoked where t.sessionId = :session and t.state = :active")
        .setParameter("revoked", State.REVOKED)
        .setParameter("session", session.id())
        .setParameter("active", State.ACTIVE)
        .executeUpdate();
  }

  private RefreshToken findByHash(String hash) {
    return em.createQuery(
            "select t from RefreshToken t where t.tokenHash = :hash", RefreshToken.class)
        .setParameter("hash", hash)
        .getResultStream()
        .findFirst()
        .orElse(null);
  }

  private RefreshToken activeToken(String sessionId) {
    return em.createQuery(
            "select t from RefreshToken t where t.sessionId = :session and t.state = :active",
            RefreshToken.class)
        .setParameter("session", sessionId)
        .setParameter("active", State.ACTIVE)
        .getResultStream()
        .findFirst()
        .orElse(null);
  }

  private NewToken newToken(LoginSession session, Instant now) {
    Instant idleExpiry = now.plus(settings.idleTimeout());
    Instant expiresAt = idleExpiry.isBefore(session.expiresAt()) ? idleExpiry : session.expiresAt();
    String value =
        RefreshTokenTags.issue(
            secretKeys.derive(ServerSecretKeys.REFRESH_TOKEN_TAGS), session.id(), expiresAt);
    RefreshToken entity = new RefreshToken(OpaqueValues.hash(value), session.id(), now, expiresAt);
    return new NewToken(entity, new Issued(value, session, expiresAt));
  }

  private record NewToken(RefreshToken entity, Issued issued) {}
}
