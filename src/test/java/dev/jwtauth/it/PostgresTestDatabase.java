package dev.jwtauth.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * When the tests run against PostgreSQL ({@code AUTH_DB_URL=jdbc:postgresql://host:port/name}, set
 * by the {@code postgres} Maven profile), creates that database before the first test and drops it
 * after the last, so that runs never see each other's data. Does nothing otherwise.
 */
public class PostgresTestDatabase implements LauncherSessionListener {

  private static final String PREFIX = "jdbc:postgresql://";

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    String url = System.getenv("AUTH_DB_URL");
    if (url != null && url.startsWith(PREFIX)) {
      execute(url, "CREATE DATABASE " + databaseName(url));
    }
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    String url = System.getenv("AUTH_DB_URL");
    if (url != null && url.startsWith(PREFIX)) {
      execute(url, "DROP DATABASE IF EXISTS " + databaseName(url) + " WITH (FORCE)");
    }
  }

  /** Runs a statement in the server's {@code postgres} database. */
  public static void execute(String url, String sql) {
    String server = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
    try (Connection connection =
            DriverManager.getConnection(server, user(), System.getenv("AUTH_DB_PASSWORD"));
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at " + server + " refused: " + sql, e);
    }
  }

  /** A connection to the database the URL names, as the suite's user. */
  public static Connection connect(String url) throws SQLException {
    return DriverManager.getConnection(url, user(), System.getenv("AUTH_DB_PASSWORD"));
  }

  /** The single number a query answers (a count). */
  public static long number(String url, String query) {
    try (Connection connection = connect(url);
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(query)) {
      result.next();
      return result.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL refused: " + query, e);
    }
  }

  /**
   * How many sessions of the database wait on a lock in a statement matching the pattern ({@code
   * ILIKE}, e.g. {@code insert into users%}): how a test sees the service's statement stopped by a
   * row or table the test holds.
   */
  public static long waitingOnALock(String url, String statementPattern) {
    return number(
        url,
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            + " AND wait_event_type = 'Lock' AND query ILIKE '"
            + statementPattern.replace("'", "''")
            + "'");
  }

  /**
   * Waits until a statement matching the pattern waits on a lock the test holds (as another node's
   * uncommitted row would), failing after the bound.
   */
  static void awaitStatementWaitingOnALock(String url, String statementPattern, Duration bound) {
    Poll.untilPrinted(
        "a statement like '" + statementPattern + "' waiting on the test's lock",
        bound,
        Duration.ofMillis(20),
        () -> waitingOnALock(url, statementPattern),
        waiting -> waiting > 0);
  }

  public static String databaseName(String url) {
    String name = url.substring(url.lastIndexOf('/') + 1).split("[?;]")[0];
    if (!name.matches("[a-z0-9_]+")) {
      throw new IllegalArgumentException("Unexpected test database name: " + name);
    }
    return name;
  }

  private static String user() {
    String user = System.getenv("AUTH_DB_USER");
    return user == null || user.isBlank() ? "postgres" : user;
  }
}
