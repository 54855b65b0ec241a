package dev.jwtauth.db;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The DataSource class of the server's connection pool {@code auth-pool} (payara-config/): nothing
 * but a JDBC URL, user and password, for whichever driver on the server's class path accepts the
 * URL (H2 or PostgreSQL, both in target/payara/lib). It is packaged into that directory, not into
 * the WAR.
 *
 * <p>Why not PGSimpleDataSource: Payara passes its default {@code serverName} ("localhost") along
 * with the URL, and PGSimpleDataSource may then ignore the URL's host and database
 * (payara/Payara#4385). A bare URL cannot be misread, and the driver is chosen by the URL instead
 * of by a second setting. Payara's pool wraps this class; it creates connections only when the pool
 * grows.
 */
public class JdbcUrlDataSource implements DataSource {

  private String url;
  private String user;
  private String password;
  private int loginTimeout;
  private PrintWriter logWriter;
  private volatile Driver driver;

  public void setUrl(String url) {
    this.url = url;
  }

  public String getUrl() {
    return url;
  }

  /** Payara sets the URL under either spelling. */
  public void setURL(String url) {
    this.url = url;
  }

  public String getURL() {
    return url;
  }

  public void setUser(String user) {
    this.user = user;
  }

  public String getUser() {
    return user;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  /** Ignored: the URL names the server (present so that Payara's defaults have somewhere to go). */
  public void setServerName(String ignored) {}

  public void setDatabaseName(String ignored) {}

  public void setPortNumber(int ignored) {}

  @Override
  public Connection getConnection() throws SQLException {
    return getConnection(user, password);
  }

  /** The password of the embedded mode's H2 file when none is configured. */
  static final String EMBEDDED_DEFAULT_PASSWORD = "sa";

  /**
   * The configured password, or — only for the embedded H2 database — its documented default. Any
   * other database gets no default (PRODUCT.md §9): an unset password is sent as none, never as
   * "sa".
   */
  static String effectivePassword(String url, String configured) {
    if (configured != null && !configured.isEmpty()) {
      return configured;
    }
    return url != null && url.startsWith("jdbc:h2:") ? EMBEDDED_DEFAULT_PASSWORD : null;
  }

  @Override
  public Connection getConnection(String username, String pass) throws SQLException {
    Properties properties = new Properties();
    if (username != null) {
      properties.setProperty("user", username);
    }
    // Payara's pool calls this method with the pool's user and password properties.
    String effective = effectivePassword(url, pass);
    if (effective != null) {
      properties.setProperty("password", effective);
    }
    Connection connection = driver().connect(url, properties);
    if (connection == null) {
      throw new SQLException("The JDBC driver refused the URL of auth.db.url");
    }
    return connection;
  }

  private Driver driver() throws SQLException {
    Driver found = driver;
    if (found == null) {
      if (url == null || url.isBlank()) {
        throw new SQLException("auth.db.url is not set");
      }
      for (Driver candidate :
          ServiceLoader.load(Driver.class, JdbcUrlDataSource.class.getClassLoader())) {
        if (candidate.acceptsURL(url)) {
          found = candidate;
          break;
        }
      }
      if (found == null) {
        // Never echo the URL: it may carry a password.
        throw new SQLException(
            "No JDBC driver on the server's class path accepts auth.db.url (H2 and PostgreSQL are in target/payara/lib)");
      }
      driver = found;
    }
    return found;
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }

  @Override
  public void setLoginTimeout(int seconds) {
    this.loginTimeout = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeout;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("Not a wrapper of " + type.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }
}
