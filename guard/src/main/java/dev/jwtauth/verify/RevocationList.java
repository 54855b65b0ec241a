package dev.jwtauth.verify;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The revocation rule of the bearer check (docs/security.md) from memory: lock-free lookups in
 * concurrent maps, no database, no I/O. Each entry carries the instant after which it can no longer
 * matter (the last moment a token it concerns could still be valid) and is purged then.
 */
public final class RevocationList implements RevocationCheck {

  public enum Kind {
    JTI,
    SID,
    USER,
    /** A deleted client: every token it was issued before the deletion. */
    CLIENT
  }

  /** A user's not-before and how long it must be kept. */
  private record NotBefore(Instant notBefore, Instant keepUntil) {
    static NotBefore later(NotBefore a, NotBefore b) {
      return a.notBefore().isAfter(b.notBefore()) ? a : b;
    }
  }

  private final Map<String, Instant> deniedJtis = new ConcurrentHashMap<>();
  private final Map<String, Instant> revokedSessions = new ConcurrentHashMap<>();
  private final Map<String, NotBefore> userNotBefore = new ConcurrentHashMap<>();
  private final Map<String, NotBefore> clientNotBefore = new ConcurrentHashMap<>();
  private final Clock clock;

  /**
   * Whether any revocation of another issuer's tokens was added (rare): only then are they looked
   * up.
   */
  private volatile boolean external;

  public RevocationList(Clock clock) {
    this.clock = clock;
  }

  /**
   * Adds an entry (idempotent: applying the same row twice changes nothing).
   *
   * @param key the jti, sid or user id
   * @param notBefore for {@link Kind#USER}: tokens issued before this are revoked; ignored
   *     otherwise
   * @param keepUntil when the entry stops mattering
   */
  public void add(Kind kind, String key, Instant notBefore, Instant keepUntil) {
    if (!keepUntil.isAfter(clock.instant())) {
      return;
    }
    switch (kind) {
      case JTI -> deniedJtis.merge(key, keepUntil, RevocationList::later);
      case SID -> revokedSessions.merge(key, keepUntil, RevocationList::later);
      case USER -> userNotBefore.merge(key, new NotBefore(notBefore, keepUntil), NotBefore::later);
      case CLIENT ->
          clientNotBefore.merge(key, new NotBefore(notBefore, keepUntil), NotBefore::later);
    }
  }

  /**
   * Adds a revocation of a trusted issuer's tokens: a {@code jti} or a user's ({@code sub})
   * not-before, which hold only for tokens whose {@code iss} is that issuer.
   *
   * @param issuer null: the token service's own, as {@link #add(Kind, String, Instant, Instant)}
   */
  public void add(Kind kind, String issuer, String key, Instant notBefore, Instant keepUntil) {
    if (issuer == null) {
      add(kind, key, notBefore, keepUntil);
      return;
    }
    if (kind != Kind.JTI && kind != Kind.USER) {
      throw new IllegalArgumentException("Another issuer's tokens are revoked by jti or user only");
    }
    external = true;
    add(kind, scoped(issuer, key), notBefore, keepUntil);
  }

  /**
   * Revoked by its jti, its session, its user's not-before, or — for a token someone else acts
   * through (impersonation) — the actor's session or the actor's not-before: it dies with its
   * actor.
   */
  @Override
  public boolean isRevoked(VerifiedToken token) {
    if (!deniedJtis.isEmpty() && token.jti() != null && deniedJtis.containsKey(token.jti())) {
      return true;
    }
    if (!revokedSessions.isEmpty()
        && token.sessionId().map(revokedSessions::containsKey).orElse(false)) {
      return true;
    }
    if (issuedBeforeNotBeforeOf(token.subject(), token, token.sessionId().isPresent())) {
      return true;
    }
    if (!clientNotBefore.isEmpty() && issuedByDeletedClient(token)) {
      return true;
    }
    if (external && revokedAsAnotherIssuersToken(token)) {
      return true;
    }
    if (token.claims().containsKey("act")) {
      if (!revokedSessions.isEmpty()
          && token.actorSessionId().map(revokedSessions::containsKey).orElse(false)) {
        return true;
      }
      boolean actorSession = token.actorSessionId().isPresent();
      return token
          .actorSubject()
          .map(actor -> issuedBeforeNotBeforeOf(actor, token, actorSession))
          .orElse(false);
    }
    return false;
  }

  /**
   * iat has whole seconds, so a token issued in the same second as the not-before may be from just
   * before or just after it. A token with a session counts as earlier only if issued in an earlier
   * second: a login right after a password change is never caught, and a token of that second from
   * before it is stopped by its revoked session. A token without one (impersonation) has nothing
   * else to stop it, so the same second counts as earlier too: an impersonation minted in the
   * second of its target's disable was valid for its whole lifetime; one minted right after a
   * password change of its target is refused and can be asked for again a second later.
   */
  private boolean issuedBeforeNotBeforeOf(String userId, VerifiedToken token, boolean hasSession) {
    NotBefore notBefore =
        userNotBefore.isEmpty() || userId == null ? null : userNotBefore.get(userId);
    if (notBefore == null || token.issuedAt() == null) {
      return false;
    }
    long issued = token.issuedAt().getEpochSecond();
    long revokedFrom = notBefore.notBefore().getEpochSecond();
    return hasSession ? issued < revokedFrom : issued <= revokedFrom;
  }

  /** Another issuer's token: its jti or its user, both keyed with its issuer. */
  private boolean revokedAsAnotherIssuersToken(VerifiedToken token) {
    String issuer = token.issuer();
    if (issuer == null) {
      return false;
    }
    return (token.jti() != null && deniedJtis.containsKey(scoped(issuer, token.jti())))
        || (token.subject() != null
            && issuedBeforeNotBeforeOf(
                scoped(issuer, token.subject()), token, token.sessionId().isPresent()));
  }

  /** An issuer cannot contain a line break (it is a configured URL), so keys cannot collide. */
  private static String scoped(String issuer, String key) {
    return issuer + "\n" + key;
  }

  /**
   * A client cannot be issued tokens once deleted, so every token of the deletion's second counts
   * as earlier (one of a client registered again within that second is refused too).
   */
  private boolean issuedByDeletedClient(VerifiedToken token) {
    Object clientId = token.claims().get("client_id");
    NotBefore notBefore = clientId instanceof String id ? clientNotBefore.get(id) : null;
    return notBefore != null
        && token.issuedAt() != null
        && token.issuedAt().getEpochSecond() <= notBefore.notBefore().getEpochSecond();
  }

  /** Drops entries that can no longer matter; returns how many. */
  public int purgeExpired() {
    Instant now = clock.instant();
    int before = size();
    deniedJtis.values().removeIf(until -> !until.isAfter(now));
    revokedSessions.values().removeIf(until -> !until.isAfter(now));
    userNotBefore.values().removeIf(entry -> !entry.keepUntil().isAfter(now));
    clientNotBefore.values().removeIf(entry -> !entry.keepUntil().isAfter(now));
    return before - size();
  }

  public int size() {
    return deniedJtis.size()
        + revokedSessions.size()
        + userNotBefore.size()
        + clientNotBefore.size();
  }

  /** How many entries of one kind are held. */
  public int size(Kind kind) {
    return switch (kind) {
      case JTI -> deniedJtis.size();
      case SID -> revokedSessions.size();
      case USER -> userNotBefore.size();
      case CLIENT -> clientNotBefore.size();
    };
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
