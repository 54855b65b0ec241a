package dev.jwtauth.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtauth.faults.DatabaseFailures.Kind;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.QueryTimeoutException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionalException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * The failures that once answered a database outage as "invalid_grant" or "conflict": only a unique
 * violation or a lost concurrent update is a conflict; a cut connection, a terminated session, a
 * cancelled statement or an exhausted pool is "try again".
 */
class DatabaseFailuresTest {

  /** As the persistence providers wrap a driver's exception: JPA, then the provider's, then SQL. */
  private static Throwable wrapped(String sqlState) {
    SQLException driver = new SQLException("from the driver", sqlState);
    return new PersistenceException("provider", new RuntimeException("provider inside", driver));
  }

  @Test
  void aUniqueViolationIsAConflictOnEveryWrapping() {
    assertEquals(Kind.CONFLICT, DatabaseFailures.classify(wrapped("23505")));
    TransactionalException atCommit =
        new TransactionalException(
            "commit", (RollbackException) new RollbackException("rb").initCause(wrapped("23505")));
    assertEquals(Kind.CONFLICT, DatabaseFailures.classify(atCommit));
  }

  @Test
  void aForeignKeyViolationIsToldApartAndIsNoConflict() {
    assertTrue(DatabaseFailures.isForeignKeyViolation(wrapped("23503")));
    assertEquals(Kind.OTHER, DatabaseFailures.classify(wrapped("23503")));
    assertFalse(DatabaseFailures.isForeignKeyViolation(wrapped("23505")));
    assertFalse(DatabaseFailures.isForeignKeyViolation(new RuntimeException("no database")));
  }

  @Test
  void h2sConcurrentUpdateAndAnOptimisticLockAreConflicts() {
    assertEquals(Kind.CONFLICT, DatabaseFailures.classify(wrapped("90131")));
    assertEquals(Kind.CONFLICT, DatabaseFailures.classify(new OptimisticLockException("v")));
  }

  @Test
  void aDatabaseOutOfReachIsUnavailableAndAnOutage() {
    for (String state : new String[] {"08001", "08006", "57P01", "57P03", "53300", "55000", null}) {
      Throwable failure = wrapped(state);
      assertEquals(Kind.UNAVAILABLE, DatabaseFailures.classify(failure), String.valueOf(state));
      assertTrue(DatabaseFailures.isOutage(failure), String.valueOf(state));
    }
  }

  @Test
  void aStatementStoppedByALockOrATimeoutIsUnavailableButNoOutage() {
    // 57014 statement timeout or cancel, 55P03 lock not available, 40001/40P01 rollbacks, HYT00
    // H2's lock timeout; a JPA query timeout without a driver exception.
    for (String state : new String[] {"57014", "55P03", "40001", "40P01", "HYT00"}) {
      Throwable failure = wrapped(state);
      assertEquals(Kind.UNAVAILABLE, DatabaseFailures.classify(failure), state);
      assertFalse(DatabaseFailures.isOutage(failure), state);
    }
    QueryTimeoutException timeout = new QueryTimeoutException("slow");
    assertTrue(DatabaseFailures.isUnavailable(timeout));
    assertFalse(DatabaseFailures.isOutage(timeout));
  }

  @Test
  void aWrongStatementOrNoDatabaseAtAllIsNeither() {
    // P0001: a trigger's RAISE EXCEPTION (HardeningIT's failure at commit); XX000: internal error
    for (String state :
        new String[] {"22001", "23502", "23503", "42P01", "0A000", "P0001", "XX000", "25P02"}) {
      assertEquals(Kind.OTHER, DatabaseFailures.classify(wrapped(state)), state);
    }
    assertEquals(Kind.OTHER, DatabaseFailures.classify(new IllegalStateException("a bug")));
    assertEquals(Kind.OTHER, DatabaseFailures.classify(new PersistenceException("bad JPQL")));
  }

  @Test
  void thePoolsWrapperWithoutAStateGivesWayToTheDriversStateInside() {
    SQLException pool =
        new SQLException("Error in allocating a connection", null, wrapped("23505"));
    assertEquals(Kind.CONFLICT, DatabaseFailures.classify(pool));
  }

  @Test
  void aCauseChainWithALoopEnds() {
    RuntimeException a = new RuntimeException("a");
    RuntimeException b = new RuntimeException("b", a);
    a.initCause(b);
    assertEquals(Kind.OTHER, DatabaseFailures.classify(a));
  }
}
