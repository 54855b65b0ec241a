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
 * The DataSource class of the server's connection pool ({@code auth-pool} on Payara,
 * payara-config/; {@code AuthDS} on WildFly, wildfly-config/): nothing but a JDBC URL, user and
 * password, for whichever driver on the server's class path accepts the URL (H2 or PostgreSQL, both
 * in target/payara/lib, and in WildFly's module dev.jwtauth.jdbc). It is packaged there, not into
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
  private volatile int loginTimeout;
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
   * other database gets no default (docs/security.md): an unset password is sent as none, never as
   * "sa". A blank password counts as unset: WildFly's datasource cannot hold an empty value, so
   * wildfly-config/configure.cli defaults it to a space.
   */
  static String effectivePassword(String url, String configured) {
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    return url != null && url.startsWith("jdbc:h2:") ? EMBEDDED_DEFAULT_PASSWORD : null;
  }

  /**
   * The URL with H2's write delay off for an embedded file: H2 otherwise writes committed changes
   * to its file up to 500 ms later (its default {@code WRITE_DELAY}), and a {@code kill -9} in that
   * time lost what had been answered 201, or a rotation already answered 200. A URL that names
   * {@code WRITE_DELAY} itself keeps it; in-memory and server URLs are left alone.
   */
  static String durable(String url) {
    if (url == null
        || !url.startsWith("jdbc:h2:")
        || url.startsWith("jdbc:h2:mem:")
        || url.startsWith("jdbc:h2:tcp:")
        || url.startsWith("jdbc:h2:ssl:")
        || url.toUpperCase(java.util.Locale.ROOT).contains(";WRITE_DELAY=")) {
      return url;
    }
    return url + ";WRITE_DELAY=0";
  }

  /**
   * A copy of the connection properties with {@link #effectivePassword} in place of the configured
   * one (none at all when it has none).
   */
  static Properties withEffectivePassword(String url, Properties configured) {
    Properties properties = new Properties();
    properties.putAll(configured);
    properties.remove("password");
    String effective = effectivePassword(url, configured.getProperty("password"));
    if (effective != null) {
      properties.setProperty("password", effective);
    }
    return properties;
  }

  @Override
  public Connection getConnection(String username, String pass) throws SQLException {
    Properties properties = new Properties();
    if (username != null) {
      properties.setProperty("user", username);
    }
    // Payara's pool calls this method with the pool's user and password properties.
    if (pass != null) {
      properties.setProperty("password", pass);
    }
    Connection connection = driver().connect(durable(url), withEffectivePassword(url, properties));
    if (connection == null) {
      throw new SQLException("The JDBC driver refused the URL of auth.db.url");
    }
    return connection;
  }

  private Driver driver() throws SQLException {
    Driver found = driver;
    if (found == null) {
      found = driverFor(url);
      driver = found;
    }
    return found;
  }

  /**
   * The driver on this class's class path that accepts the URL (H2 or PostgreSQL); never {@link
   * JdbcUrlDriver}, which delegates here itself.
   */
  static Driver driverFor(String url) throws SQLException {
    if (url == null || url.isBlank()) {
      throw new SQLException("auth.db.url is not set");
    }
    for (Driver candidate :
        ServiceLoader.load(Driver.class, JdbcUrlDataSource.class.getClassLoader())) {
      if (!(candidate instanceof JdbcUrlDriver) && candidate.acceptsURL(url)) {
        return candidate;
      }
    }
    // Never echo the URL: it may carry a password.
    throw new SQLException(
        "No JDBC driver on the server's class path accepts auth.db.url (H2 and PostgreSQL are in target/payara/lib, and in WildFly's module dev.jwtauth.jdbc)");
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
