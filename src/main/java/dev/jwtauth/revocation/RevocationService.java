package dev.jwtauth.revocation;

import dev.jwtauth.config.TokenSettings;
import dev.jwtauth.metrics.AuthMetrics;
import dev.jwtauth.sync.SharedState;
import dev.jwtauth.verify.RevocationCheck;
import dev.jwtauth.verify.RevocationList;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Revokes access tokens by jti, session or user: writes the row (in the caller's transaction when
 * there is one) and updates this node's memory at once; other nodes pick the row up by {@link
 * #pollRecent()}.
 */
@ApplicationScoped
@Priority(Interceptor.Priority.APPLICATION) // selects its alternative producer below
public class RevocationService implements SharedState {

  /**
   * Rows created this long ago are read again by every poll, so a slow commit on another node is
   * not missed.
   */
  static final Duration POLL_WINDOW = Duration.ofSeconds(60);

  @PersistenceContext(unitName = "auth")
  EntityManager em;

  @Inject TokenSettings settings;
  @Inject Clock clock;
  @Inject AuthMetrics metrics;
  @Inject Event<RevocationRecorded> recorded;

  private RevocationList list;

  @PostConstruct
  void init() {
    list = new RevocationList(clock);
  }

  /**
   * The bearer mechanism's rule 6 (picked up by the verifier producer): the guard library follows
   * the service's revocation feed by default; here the lists themselves are its check.
   */
  @Produces
  @Alternative
  @Singleton
  RevocationCheck revocationCheck() {
    return list;
  }

  @Transactional
  public void denyAccessToken(String jti, Instant expiresAt, String reason) {
    record(RevocationList.Kind.JTI, null, jti, null, expiresAt.plus(settings.clockSkew()), reason);
  }

  /** Every access token carrying this {@code sid} stops working. */
  @Transactional
  public void revokeSession(String sid, String reason) {
    record(RevocationList.Kind.SID, null, sid, null, lastValidityOfTokensIssuedNow(), reason);
  }

  /** Every access token issued to this user before now stops working. */
  @Transactional
  public void revokeUser(String userId, String reason) {
    record(
        RevocationList.Kind.USER,
        null,
        userId,
        clock.instant(),
        lastValidityOfTokensIssuedNow(),
        reason);
  }

  /**
   * A trusted issuer's access token stops working here and at every guard: by its {@code jti}, kept
   * for the longest lifetime any accepted token can have (its {@code exp} is not known here).
   */
  @Transactional
  public void denyExternalAccessToken(String issuer, String jti, String reason) {
    record(RevocationList.Kind.JTI, issuer, jti, null, lastValidityOfTokensIssuedNow(), reason);
  }

  /** Every access token a trusted issuer issued to this {@code sub} before now stops working. */
  @Transactional
  public void revokeExternalUser(String issuer, String subject, String reason) {
    record(
        RevocationList.Kind.USER,
        issuer,
        subject,
        clock.instant(),
        lastValidityOfTokensIssuedNow(),
        reason);
  }

  /** Every access token issued to this client up to now stops working (a deleted client). */
  @Transactional
  public void revokeClient(String clientId, String reason) {
    record(
        RevocationList.Kind.CLIENT,
        null,
        clientId,
        clock.instant(),
        lastValidityOfTokensIssuedNow(),
        reason);
  }

  /** Revocations have no change-feed topic: they keep their own position (recent rows). */
  @Override
  public String topic() {
    return null;
  }

  /** Start-up: everything that still matters. */
  @Override
  @Transactional
  public void load() {
    apply(
        em.createQuery(
                "select r from RevocationEntry r where r.keepUntil > :now order by r.createdAt",
                RevocationEntry.class)
            .setParameter("now", clock.instant())
            .getResultList());
  }

  /**
   * What other nodes (or this one) wrote recently; then forgets what expired. Idempotent.
   * Transactional even though it only reads: outside a transaction Payara ties the EntityManager to
   * the current invocation, which a scheduled task does not have.
   */
  @Override
  @Transactional
  public void catchUp() {
    apply(
        em.createQuery(
                "select r from RevocationEntry r where r.createdAt > :since order by r.createdAt",
                RevocationEntry.class)
            .setParameter("since", clock.instant().minus(POLL_WINDOW))
            .getResultList());
    list.purgeExpired();
  }

  @Transactional
  public int purgeDatabase() {
    return em.createQuery("delete from RevocationEntry r where r.keepUntil <= :now")
        .setParameter("now", clock.instant())
        .executeUpdate();
  }

  public int entriesInMemory() {
    return list.size();
  }

  /** The entries of one kind held in this node's memory (for the metrics). */
  public int entriesInMemory(RevocationList.Kind kind) {
    return list.size(kind);
  }

  private void record(
      RevocationList.Kind kind,
      String issuer,
      String key,
      Instant notBefore,
      Instant keepUntil,
      String reason) {
    RevocationEntry entry =
        new RevocationEntry(kind, issuer, key, notBefore, keepUntil, reason, clock.instant());
    em.persist(entry);
    entry.applyTo(list); // this node refuses the token from now on
    metrics.revocation(AuthMetrics.label(kind));
    recorded.fire(new RevocationRecorded()); // the feed's waiting readers, once this commits
  }

  /**
   * The last instant a token issued up to now can still be accepted. Not the default lifetime: a
   * client may have its own (up to {@link TokenSettings#MAX_ACCESS_TOKEN_TTL}), and a session's or
   * user's tokens may come from any client, so the row is kept for the longest lifetime any token
   * can have.
   */
  private Instant lastValidityOfTokensIssuedNow() {
    return lastValidityOfTokensIssuedAt(clock.instant(), settings.clockSkew());
  }

  static Instant lastValidityOfTokensIssuedAt(Instant issuedAt, Duration clockSkew) {
    return issuedAt.plus(TokenSettings.MAX_ACCESS_TOKEN_TTL).plus(clockSkew);
  }

  private void apply(List<RevocationEntry> entries) {
    entries.forEach(entry -> entry.applyTo(list));
  }
}
