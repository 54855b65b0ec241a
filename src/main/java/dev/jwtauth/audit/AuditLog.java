package dev.jwtauth.audit;

import dev.jwtauth.json.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Records security events as rows (in the caller's transaction, so they commit with what they
 * describe) and log lines.
 */
@ApplicationScoped
public class AuditLog {

  private static final Logger LOG = Logger.getLogger("dev.jwtauth.audit");

  @PersistenceContext(unitName = "auth")
  EntityManager em;

  @Inject Clock clock;

  /**
   * @param type e.g. {@code refresh_token_reuse}
   * @param actor who did it (a user id), or null
   * @param subject whom it concerns (a user id)
   * @param sessionId the session concerned, or null
   * @param detail free text; never a token
   */
  @Transactional
  public void record(String type, String actor, String subject, String sessionId, String detail) {
    Instant now = clock.instant();
    em.persist(new AuditEvent(now, type, actor, subject, sessionId, detail));
    JsonObjectBuilder line = Jsons.object().add("audit", type).add("at", now.toString());
    add(line, "actor", actor);
    add(line, "subject", subject);
    add(line, "sid", sessionId);
    add(line, "detail", detail);
    LOG.info(line.build().toString());
  }

  /**
   * A credential check: {@code login_succeeded}, {@code login_failed} or {@code login_throttled}
   * (PRODUCT.md §6). Never the password.
   *
   * @param username as typed (cut at 100 characters)
   * @param userId the user, when known
   * @param reason why it failed or was refused, or null
   */
  @Transactional
  public void login(
      String type, String username, String address, String clientId, String userId, String reason) {
    Instant now = clock.instant();
    String typed = username.length() > 100 ? username.substring(0, 100) : username;
    JsonObjectBuilder fields = Jsons.object();
    add(fields, "username", typed);
    add(fields, "address", address);
    add(fields, "client_id", clientId);
    add(fields, "reason", reason);
    JsonObject detail = fields.build();
    em.persist(new AuditEvent(now, type, null, userId, null, detail.toString()));
    JsonObjectBuilder line = Jsons.object().add("audit", type).add("at", now.toString());
    add(line, "subject", userId);
    detail.forEach(line::add);
    LOG.info(line.build().toString());
  }

  private static void add(JsonObjectBuilder line, String name, String value) {
    if (value != null) {
      line.add(name, value);
    }
  }
}
