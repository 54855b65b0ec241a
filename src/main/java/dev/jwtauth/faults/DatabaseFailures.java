package dev.jwtauth.faults;

import jakarta.persistence.EntityExistsException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a failure of a database call means for the caller: a conflict the database decided (the same
 * username twice, a lost race), the database being out of reach (down, restarting, a cut
 * connection, a statement stopped by a lock or a timeout, an exhausted pool), or neither (a bug,
 * answered as one). Decided from the SQLState in the cause chain, which is the same on H2 and
 * PostgreSQL, so that a database that is down is never answered as "your token is invalid".
 */
public final class DatabaseFailures {

  /** What the failure is. */
  public enum Kind {
    /** The database kept one of two competing writes; the caller lost. */
    CONFLICT,
    /** The database could not be reached or did not answer in time: try again. */
    UNAVAILABLE,
    /** Not a database failure, or one that trying again will not mend (a bug). */
    OTHER
  }

  /** SQLState of a unique violation, on H2 and PostgreSQL. */
  static final String UNIQUE_VIOLATION = "23505";

  /** SQLState of a foreign key violation, on H2 and PostgreSQL. */
  static final String FOREIGN_KEY_VIOLATION = "23503";

  /** H2's "concurrent update" (error 90131): two transactions changed the same row; one lost. */
  static final String H2_CONCURRENT_UPDATE = "90131";

  /**
   * Single states outside those categories: PostgreSQL's lock not available and "database is not
   * accepting connections"; H2's connection broken, database closed, closing at VM shutdown, file
   * in use.
   */
  private static final Set<String> TRANSIENT_STATES =
      Set.of("55P03", "55000", "90067", "90098", "90121", "90020");

  private DatabaseFailures() {}

  public static Kind classify(Throwable failure) {
    SQLException sql = sqlException(failure);
    if (sql != null) {
      return ofSqlState(sql.getSQLState());
    }
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable t = failure; t != null && seen.put(t, true) == null; t = t.getCause()) {
      Kind kind = ofPersistence(t);
      if (kind != Kind.OTHER) {
        return kind;
      }
    }
    return Kind.OTHER;
  }

  /**
   * True when no connection to the database could be had or kept (refused, cut, the server shutting
   * down or full, the pool unable to give one): the whole node is without its database, not one
   * statement stopped by a lock or a timeout.
   */
  public static boolean isOutage(Throwable failure) {
    if (classify(failure) != Kind.UNAVAILABLE) {
      return false;
    }
    SQLException sql = sqlException(failure);
    if (sql == null) {
      return false; // a JPA lock or query timeout: one statement
    }
    String state = sql.getSQLState();
    return state == null // the pool or the driver could not give a connection
        || state.startsWith("08") // connection exception
        || state.equals("57P01") // admin shutdown (the connection was terminated)
        || state.equals("57P02") // crash shutdown
        || state.equals("57P03") // cannot connect now (starting up)
        || state.equals("53300") // too many connections
        || state.equals("55000"); // e.g. "database is not accepting connections"
  }

  /**
   * The first SQLException in the cause chain that has an SQLState (a pool's wrapper often has
   * none; the driver's exception inside it has), else the first one, else null.
   */
  static SQLException sqlException(Throwable failure) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    SQLException first = null;
    for (Throwable t = failure; t != null && seen.put(t, true) == null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        if (sql.getSQLState() != null) {
          return sql;
        }
        first = first == null ? sql : first;
      }
    }
    return first;
  }

  /** True when the failure means the database is out of reach for now. */
  public static boolean isUnavailable(Throwable failure) {
    return classify(failure) == Kind.UNAVAILABLE;
  }

  /**
   * True when a row still referred to, or one referring to a row that is gone, was refused
   * (SQLState 23503 on H2 and PostgreSQL): e.g. an organization deleted while a user joins it.
   */
  public static boolean isForeignKeyViolation(Throwable failure) {
    SQLException sql = sqlException(failure);
    return sql != null && FOREIGN_KEY_VIOLATION.equals(sql.getSQLState());
  }

  /** True when the database decided a conflict (a unique violation, a lost concurrent update). */
  public static boolean isConflict(Throwable failure) {
    return classify(failure) == Kind.CONFLICT;
  }

  static Kind ofSqlState(String state) {
    if (state == null) {
      return Kind.UNAVAILABLE; // a pool or driver failure without a state: no connection
    }
    if (state.equals(UNIQUE_VIOLATION) || state.equals(H2_CONCURRENT_UPDATE)) {
      return Kind.CONFLICT;
    }
    // What trying again can mend; anything else (bad data, a constraint, a wrong statement, a
    // trigger's exception) is a bug, answered 500.
    String category = state.length() >= 2 ? state.substring(0, 2) : state;
    return switch (category) {
      case "08", // connection exception
          "40", // transaction rollback: serialization failure, deadlock
          "53", // insufficient resources: too many connections, disk full
          "57", // operator intervention: statement cancelled or timed out, server shutting down
          "58", // system error: I/O
          "HY" -> // JDBC's own: H2's lock timeout (HYT00), a driver timeout
          Kind.UNAVAILABLE;
      default -> TRANSIENT_STATES.contains(state) ? Kind.UNAVAILABLE : Kind.OTHER;
    };
  }

  private static Kind ofPersistence(Throwable t) {
    if (t instanceof OptimisticLockException || t instanceof EntityExistsException) {
      return Kind.CONFLICT;
    }
    if (t instanceof LockTimeoutException
        || t instanceof PessimisticLockException
        || t instanceof QueryTimeoutException) {
      return Kind.UNAVAILABLE;
    }
    return Kind.OTHER;
  }
}
