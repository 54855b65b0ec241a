package dev.jwtauth.it;

import dev.jwtauth.refresh.RefreshPurge;
import dev.jwtauth.users.UserAccount;
import dev.jwtauth.users.UserRepository;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Test deployments only (added by {@link Deployments}): creates users for a test and reads the
 * database as it really is, so tests can check what is stored.
 */
@RequestScoped
@Path("test-support")
@PermitAll
public class TestSupport {

  @Inject UserRepository users;
  @Inject Pbkdf2PasswordHash pbkdf2;
  @Inject RefreshPurge purge;
  @Inject dev.jwtauth.clients.ClientRegistry clients;

  /** Runs the scheduled purge now; answers how many rows it deleted. */
  @POST
  @Path("purge")
  @Produces(MediaType.TEXT_PLAIN)
  public String purgeNow() {
    return Integer.toString(purge.purgeNow());
  }

  @PersistenceContext(unitName = "auth")
  EntityManager em;

  /** {@code {"username","password","roles":[...]}} → {@code {"id"}}. */
  @POST
  @Path("users")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public String createUser(String body) {
    JsonObject json = Json.createReader(new StringReader(body)).readObject();
    Set<String> roles = new HashSet<>();
    json.getJsonArray("roles").getValuesAs(JsonString.class).forEach(r -> roles.add(r.getString()));
    String id =
        users
            .create(json.getString("username"), json.getString("password").toCharArray(), roles)
            .id();
    return Json.createObjectBuilder().add("id", id).build().toString();
  }

  /** Gives a user a PBKDF2 hash of this password (body), as releases before Argon2id stored. */
  @POST
  @Path("users/{id}/pbkdf2")
  @Consumes(MediaType.TEXT_PLAIN)
  @Transactional
  public void legacyHash(@PathParam("id") String id, String password) {
    pbkdf2.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "64"));
    em.createNativeQuery("update users set password_hash = ?1 where id = ?2")
        .setParameter(1, pbkdf2.generate(password.toCharArray()))
        .setParameter(2, id)
        .executeUpdate();
    // The row changed behind JPA's back: the shared cache must not keep serving the old hash.
    em.getEntityManagerFactory().getCache().evict(UserAccount.class, id);
  }

  /** The kind of a user's stored hash: its algorithm prefix. */
  @GET
  @Path("users/{id}/hash-kind")
  @Produces(MediaType.TEXT_PLAIN)
  public String hashKind(@PathParam("id") String id) {
    String hash =
        (String)
            em.createNativeQuery("select password_hash from users where id = ?1")
                .setParameter(1, id)
                .getSingleResult();
    return hash.startsWith("$argon2id$")
        ? hash.substring(0, hash.indexOf('$', 11))
        : hash.split(":")[0];
  }

  /** Every stored value of the refresh token table, as text. */
  @GET
  @Path("refresh-tokens/stored-values")
  @Produces(MediaType.APPLICATION_JSON)
  public String storedOpaqueValues() {
    JsonArrayBuilder values = Json.createArrayBuilder();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select id, token_hash, session_id, state, successor_id from refresh_tokens")
            .getResultList();
    for (Object[] row : rows) {
      for (Object cell : row) {
        if (cell != null) {
          values.add(cell.toString());
        }
      }
    }
    return values.build().toString();
  }

  /** The session row and its refresh tokens by state. */
  @GET
  @Path("sessions/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  public String session(@PathParam("id") String id) {
    List<?> revokedAt =
        em.createNativeQuery("select revoked_at from sessions where id = ?1")
            .setParameter(1, id)
            .getResultList();
    @SuppressWarnings("unchecked")
    List<Object[]> tokens =
        em.createNativeQuery("select token_hash, state from refresh_tokens where session_id = ?1")
            .setParameter(1, id)
            .getResultList();
    JsonArrayBuilder active = Json.createArrayBuilder();
    int rotated = 0;
    int revoked = 0;
    for (Object[] token : tokens) {
      switch (token[1].toString()) {
        case "ACTIVE" -> active.add(token[0].toString());
        case "ROTATED" -> rotated++;
        default -> revoked++;
      }
    }
    return Json.createObjectBuilder()
        .add("exists", !revokedAt.isEmpty())
        .add("revoked", !revokedAt.isEmpty() && revokedAt.get(0) != null)
        .add("active_hashes", active)
        .add("rotated", rotated)
        .add("revoked_tokens", revoked)
        .build()
        .toString();
  }

  /**
   * Starts counting the SQL statements the embedded H2 database runs, from zero (H2's
   * QUERY_STATISTICS; every session counts, background jobs included).
   */
  @POST
  @Path("sql-statistics")
  @Transactional
  public void startSqlStatistics() {
    em.createNativeQuery("SET QUERY_STATISTICS FALSE").executeUpdate();
    em.createNativeQuery("SET QUERY_STATISTICS TRUE").executeUpdate();
  }

  /** The statements run since {@link #startSqlStatistics()}: {@code {"<sql>": count}}. */
  @GET
  @Path("sql-statistics")
  @Produces(MediaType.APPLICATION_JSON)
  @Transactional
  public String sqlStatistics() {
    var counts = Json.createObjectBuilder();
    for (Object row :
        em.createNativeQuery(
                "SELECT SQL_STATEMENT, EXECUTION_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS")
            .getResultList()) {
      Object[] columns = (Object[]) row;
      counts.add(String.valueOf(columns[0]), ((Number) columns[1]).intValue());
    }
    return counts.build().toString();
  }

  /** {@code TransactionsInFlight.count()} seen from inside a transaction of this request. */
  @GET
  @Path("transactions-in-flight")
  @Produces(MediaType.TEXT_PLAIN)
  @Transactional
  public String transactionsInFlight() {
    return Integer.toString(dev.jwtauth.metrics.TransactionsInFlight.count());
  }

  /** The stored form of a client's secret. */
  @GET
  @Path("clients/{id}/secret-hash")
  @Produces(MediaType.TEXT_PLAIN)
  public String clientSecretHash(@PathParam("id") String id) {
    return String.valueOf(
        em.createNativeQuery("select secret_hash from oauth_clients where id = ?1")
            .setParameter(1, id)
            .getSingleResult());
  }

  /**
   * Stores this (body) as a client's secret hash, as an earlier release would have, and reloads.
   */
  @POST
  @Path("clients/{id}/secret-hash")
  @Consumes(MediaType.TEXT_PLAIN)
  @Transactional
  public void storeClientSecretHash(@PathParam("id") String id, String hash) {
    em.createNativeQuery("update oauth_clients set secret_hash = ?1 where id = ?2")
        .setParameter(1, hash)
        .setParameter(2, id)
        .executeUpdate();
    clients.load(); // in this transaction: it reads the row as just written
  }

  /** How many refresh token rows the session has, whatever their state. */
  @GET
  @Path("sessions/{sid}/refresh-tokens")
  @Produces(MediaType.TEXT_PLAIN)
  public String refreshTokenRows(@PathParam("sid") String sid) {
    return String.valueOf(
        em.createNativeQuery("select count(*) from refresh_tokens where session_id = ?1")
            .setParameter(1, sid)
            .getSingleResult());
  }

  /** Moves the session's rotated tokens' rotation {@code seconds} into the past. */
  @POST
  @Path("sessions/{sid}/rotated-ago/{seconds}")
  @Transactional
  public void rotatedAgo(@PathParam("sid") String sid, @PathParam("seconds") int seconds) {
    em.createNativeQuery(
            "update refresh_tokens set rotated_at = rotated_at - ?1"
                + " where session_id = ?2 and state = 'ROTATED'")
        .setParameter(1, seconds * 1000L)
        .setParameter(2, sid)
        .executeUpdate();
  }

  /** An audit row of this type and subject that happened {@code days} ago (for the retention). */
  @POST
  @Path("audit/{type}/{subject}/aged/{days}")
  @Transactional
  public void agedAuditRow(
      @PathParam("type") String type,
      @PathParam("subject") String subject,
      @PathParam("days") int days) {
    em.createNativeQuery(
            "insert into audit_events (id, occurred_at, event_type, subject) values (?1, ?2, ?3, ?4)")
        .setParameter(1, java.util.UUID.randomUUID().toString())
        .setParameter(
            2, java.time.Instant.now().minus(java.time.Duration.ofDays(days)).toEpochMilli())
        .setParameter(3, type)
        .setParameter(4, subject)
        .executeUpdate();
  }

  /**
   * The audit rows of one event type: {@code
   * [{"actor","subject","client_id","address","detail","occurrences"}]}.
   */
  @GET
  @Path("audit/{type}")
  @Produces(MediaType.APPLICATION_JSON)
  public String audit(@PathParam("type") String type) {
    JsonArrayBuilder rows = Json.createArrayBuilder();
    List<?> found =
        em.createNativeQuery(
                "select actor, subject, detail, client_id, address, occurrences from audit_events where event_type = ?1 order by occurred_at")
            .setParameter(1, type)
            .getResultList();
    for (Object row : found) {
      Object[] columns = (Object[]) row;
      rows.add(
          Json.createObjectBuilder()
              .add("actor", String.valueOf(columns[0]))
              .add("subject", String.valueOf(columns[1]))
              .add("detail", String.valueOf(columns[2]))
              .add("client_id", String.valueOf(columns[3]))
              .add("address", String.valueOf(columns[4]))
              .add("occurrences", ((Number) columns[5]).intValue()));
    }
    return rows.build().toString();
  }
}
