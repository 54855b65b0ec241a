package dev.jwtauth.audit;

import dev.jwtauth.guard.Jsons;
import dev.jwtauth.logging.LogEvent;
import dev.jwtauth.logging.RequestContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Records security events as rows (in the caller's transaction, so they commit with what they
 * describe) and log lines, each with the client address and request id of the request that caused
 * it; reads them back for {@code GET /admin/audit}.
 */
@ApplicationScoped
public class AuditLog {

  private static final Logger LOG = Logger.getLogger("dev.jwtauth.audit");

  @PersistenceContext(unitName = "auth")
  EntityManager em;

  @Inject Clock clock;

  /**
   * @param type what happened
   * @param actor who did it (a user id), or null
   * @param subject whom it concerns (a user id)
   * @param sessionId the session concerned, or null
   * @param detail free text; never a token
   */
  @Transactional
  public void record(
      AuditEventType type, String actor, String subject, String sessionId, String detail) {
    write(type, actor, subject, sessionId, null, detail);
  }

  /** As {@link #record}, for an event a client asked for. */
  @Transactional
  public String recordForClient(
      AuditEventType type,
      String actor,
      String subject,
      String sessionId,
      String clientId,
      String detail) {
    return write(type, actor, subject, sessionId, clientId, detail);
  }

  /**
   * A credential check: {@code login_succeeded}, {@code login_failed} or {@code login_throttled}
   * (docs/operations.md). Never the password.
   *
   * @param username as typed (cut at 100 characters)
   * @param address where the attempt came from (as the throttle saw it)
   * @param userId the user, when known
   * @param reason why it failed or was refused, or null
   */
  @Transactional
  public String login(
      AuditEventType type,
      String username,
      String address,
      String clientId,
      String userId,
      String reason) {
    String typed = username.length() > 100 ? username.substring(0, 100) : username;
    JsonObjectBuilder detail = Jsons.object().add("username", typed);
    if (reason != null) {
      detail.add("reason", reason);
    }
    return persistAndLog(
        type, null, userId, null, clientId, address, detail.build().toString(), typed, reason);
  }

  /**
   * Sets how often an aggregated event happened (see {@link RepeatedEvents}); one statement per
   * row.
   */
  @Transactional
  public void occurred(String id, long occurrences, Instant last) {
    em.createQuery(
            "update AuditEvent e set e.occurrences = :n, e.lastOccurredAt = :last where e.id = :id")
        .setParameter("n", (int) Math.min(Integer.MAX_VALUE, occurrences))
        .setParameter("last", last)
        .setParameter("id", id)
        .executeUpdate();
  }

  /** The rows that match, newest first. */
  @Transactional
  public AuditPage find(AuditQuery query) {
    // Only the filters given: PostgreSQL cannot type a null parameter in ":type is null".
    StringBuilder where =
        new StringBuilder(" where e.occurredAt >= :since and e.occurredAt < :until");
    if (query.type() != null) {
      where.append(" and e.type = :type");
    }
    if (query.subject() != null) {
      where.append(" and e.subject = :subject");
    }
    TypedQuery<AuditEvent> rows =
        em.createQuery(
            "select e from AuditEvent e" + where + " order by e.occurredAt desc, e.id desc",
            AuditEvent.class);
    TypedQuery<Long> count =
        em.createQuery("select count(e) from AuditEvent e" + where, Long.class);
    for (TypedQuery<?> q : List.of(rows, count)) {
      q.setParameter("since", query.since()).setParameter("until", query.until());
      if (query.type() != null) {
        q.setParameter("type", query.type());
      }
      if (query.subject() != null) {
        q.setParameter("subject", query.subject());
      }
    }
    List<AuditEvent> events =
        rows.setFirstResult(query.page() * query.size())
            .setMaxResults(query.size())
            .getResultList();
    return new AuditPage(events.stream().map(AuditEventView::of).toList(), count.getSingleResult());
  }

  /** Deletes the rows older than the retention (auth.audit.retention); returns how many. */
  @Transactional
  public int purgeBefore(Instant cutoff) {
    return em.createQuery("delete from AuditEvent e where e.occurredAt < :cutoff")
        .setParameter("cutoff", cutoff)
        .executeUpdate();
  }

  private String write(
      AuditEventType type,
      String actor,
      String subject,
      String sessionId,
      String clientId,
      String detail) {
    return persistAndLog(
        type,
        actor,
        subject,
        sessionId,
        clientId,
        RequestContext.currentClientAddress(),
        detail,
        null,
        null);
  }

  private String persistAndLog(
      AuditEventType type,
      String actor,
      String subject,
      String sessionId,
      String clientId,
      String address,
      String detail,
      String username,
      String reason) {
    Instant now = clock.instant();
    String requestId = RequestContext.currentId();
    AuditEvent event =
        new AuditEvent(
            now, type.code(), actor, subject, sessionId, clientId, address, requestId, detail);
    em.persist(event);
    LogEvent line =
        LogEvent.of(type.code())
            .with("at", now.toString())
            .with("actor", actor)
            .with("sub", subject)
            .with("sid", sessionId)
            .with("client_id", clientId)
            .with("address", address)
            .with("request_id", requestId);
    if (username != null) {
      line.with("username", username).with("reason", reason);
    } else {
      line.with("detail", detail);
    }
    LOG.log(Level.INFO, "{0}", line);
    return event.id();
  }
}
