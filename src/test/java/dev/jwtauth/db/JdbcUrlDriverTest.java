package dev.jwtauth.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** WildFly's driver for jdbc/auth: the URL picks the driver and keeps its own options. */
class JdbcUrlDriverTest {

  private final JdbcUrlDriver driver = new JdbcUrlDriver();

  @Test
  void acceptsTheTwoDatabasesAndNothingElse() {
    assertTrue(driver.acceptsURL("jdbc:h2:mem:x"));
    assertTrue(driver.acceptsURL("jdbc:postgresql://127.0.0.1:5432/auth"));
    assertFalse(driver.acceptsURL("jdbc:mysql://127.0.0.1/auth"));
    assertFalse(driver.acceptsURL(null));
  }

  @Test
  void anotherUrlIsLeftToAnotherDriver() throws SQLException {
    assertNull(driver.connect("jdbc:mysql://127.0.0.1/auth", new Properties()));
  }

  @Test
  void anH2UrlKeepsItsOptionsAndABlankPasswordIsTheEmbeddedDefault() throws SQLException {
    String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=0;MODE=PostgreSQL";
    Properties info = new Properties();
    info.setProperty("user", "sa");
    info.setProperty("password", " ");
    try (Connection connection = driver.connect(url, info);
        Statement statement = connection.createStatement()) {
      var result =
          statement.executeQuery(
              "select setting_value from information_schema.settings where setting_name = 'MODE'");
      result.next();
      assertEquals("PostgreSQL", result.getString(1));
    }
  }

  @Test
  void aWrongPasswordIsSentAsItIs() {
    String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    Properties first = new Properties();
    first.setProperty("user", "sa");
    first.setProperty("password", "sa");
    assertThrows(
        SQLException.class,
        () -> {
          try (Connection created = driver.connect(url, first)) {
            Properties wrong = new Properties();
            wrong.setProperty("user", "sa");
            wrong.setProperty("password", "not-the-password");
            driver.connect(url, wrong).close();
          }
        });
  }
}
