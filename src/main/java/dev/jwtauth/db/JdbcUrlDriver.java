package dev.jwtauth.db;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The driver class of WildFly's datasource {@code jdbc/auth} (wildfly-config/configure.cli): the
 * counterpart of {@link JdbcUrlDataSource} on Payara, with the same two rules. The URL picks the
 * driver (H2 or PostgreSQL, both in the module dev.jwtauth.jdbc), so one server configuration
 * serves both databases; and a missing password is the embedded H2 file's "sa" for an H2 URL only.
 *
 * <p>Why a driver and not {@link JdbcUrlDataSource} on WildFly as well: WildFly hands a datasource
 * class its properties as one {@code ;}-separated string, which cuts an H2 URL's own {@code
 * ;OPTION=value} settings off; a driver gets the URL whole.
 */
public final class JdbcUrlDriver implements Driver {

  @Override
  public boolean acceptsURL(String url) {
    return url != null && (url.startsWith("jdbc:h2:") || url.startsWith("jdbc:postgresql:"));
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null; // the JDBC contract: not ours, let another driver try
    }
    Properties configured = info == null ? new Properties() : info;
    return JdbcUrlDataSource.driverFor(url)
        .connect(
            JdbcUrlDataSource.durable(url),
            JdbcUrlDataSource.withEffectivePassword(url, configured));
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
    return new DriverPropertyInfo[0];
  }

  @Override
  public int getMajorVersion() {
    return 1;
  }

  @Override
  public int getMinorVersion() {
    return 0;
  }

  @Override
  public boolean jdbcCompliant() {
    return true;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }
}
