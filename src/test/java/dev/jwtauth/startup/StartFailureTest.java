package dev.jwtauth.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The one sentence scripts/run.sh prints when the service cannot start (docs/operations.md). */
class StartFailureTest {

  @Test
  void ourOwnCheckIsQuotedAsItIs() {
    RuntimeException failure =
        new RuntimeException(
            "wrapper",
            new IllegalStateException("Production mode needs auth.keys.encryption-secret"));
    assertEquals(
        "Production mode needs auth.keys.encryption-secret", StartFailure.describe(failure));
  }

  @Test
  void aDatabaseFailureNamesTheSettingAndTheDriversReason() {
    RuntimeException failure =
        new RuntimeException(
            "Flyway failed",
            new SQLException(
                "Unable to obtain connection", new ConnectException("Connection refused")));
    assertEquals(
        "the database (auth.db.url, environment variable AUTH_DB_URL) cannot be used: Connection refused",
        StartFailure.describe(failure));
  }

  @Test
  void theSentenceIsOneLine() {
    assertEquals(
        "first second", StartFailure.describe(new IllegalArgumentException("first\n   second")));
  }
}
