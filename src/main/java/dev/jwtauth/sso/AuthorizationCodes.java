package dev.jwtauth.sso;

import dev.jwtauth.crypto.OpaqueValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Authorization codes in the database: 256 random bits, 60 seconds, single use. */
@ApplicationScoped
public class AuthorizationCodes {

  /** How long a code may wait for its exchange. */
  public static final Duration LIFETIME = Duration.ofSeconds(60);

  /** A used or expired code's row stays this long after its expiry, so a late replay is seen. */
  static final Duration KEPT_AFTER_EXPIRY = Duration.ofMinutes(10);

  /** What presenting a code at the token endpoint found. */
  public sealed interface Redemption permits Redeemed, Replayed, Refused {}

  /**
   * The code's first use: {@code sessionId} is the id the session it starts must have (a replay
   * ends it).
   */
  public record Redeemed(CodeBinding binding, String sessionId) implements Redemption {}

  /**
   * The code was used before: the session its first use started ({@code sessionId}, null if the
   * first use started none) must end.
   */
  public record Replayed(CodeBinding binding, String sessionId) implements Redemption {}

  /** Unknown or expired. */
  public record Refused(String reason) implements Redemption {}

  @PersistenceContext(unitName = "auth")
  EntityManager em;

  @Inject Clock clock;

  /** Issues a code for the binding; returns its value (never stored). */
  @Transactional
  public String issue(CodeBinding binding) {
    String value = OpaqueValues.generate();
    em.persist(
        new AuthorizationCode(OpaqueValues.hash(value), binding, clock.instant().plus(LIFETIME)));
    return value;
  }

  /**
   * Uses a code. Of concurrent uses exactly one is {@link Redeemed} (the conditional UPDATE); the
   * others, and every later one, are {@link Replayed}.
   */
  @Transactional
  public Redemption redeem(String value) {
    if (value == null || value.isEmpty() || value.length() > OpaqueValues.MAX_LENGTH) {
      return new Refused("unknown");
    }
    String hash = OpaqueValues.hash(value);
    AuthorizationCode code = em.find(AuthorizationCode.class, hash);
    if (code == null) {
      return new Refused("unknown");
    }
    if (code.usedAt() != null) {
      return new Replayed(code.binding(), code.sessionId());
    }
    Instant now = clock.instant();
    if (!now.isBefore(code.expiresAt())) {
      return new Refused("expired");
    }
    String sessionId = UUID.randomUUID().toString();
    int won =
        em.createQuery(
                "update AuthorizationCode c set c.usedAt = :now, c.sessionId = :session"
                    + " where c.codeHash = :hash and c.usedAt is null")
            .setParameter("now", now)
            .setParameter("session", sessionId)
            .setParameter("hash", hash)
            .executeUpdate();
    if (won == 0) {
      String winner =
          em.createQuery(
                  "select c.sessionId from AuthorizationCode c where c.codeHash = :hash",
                  String.class)
              .setParameter("hash", hash)
              .getResultStream()
              .findFirst()
              .orElse(null);
      return new Replayed(code.binding(), winner);
    }
    return new Redeemed(code.binding(), sessionId);
  }

  /** Deletes codes expired longer ago than {@link #KEPT_AFTER_EXPIRY}. */
  @Transactional
  public int purge() {
    return em.createQuery("delete from AuthorizationCode c where c.expiresAt <= :cutoff")
        .setParameter("cutoff", clock.instant().minus(KEPT_AFTER_EXPIRY))
        .executeUpdate();
  }
}
