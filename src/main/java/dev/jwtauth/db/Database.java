package dev.jwtauth.db;

/**
 * The application's one datasource: a server-level JDBC resource and connection pool, created on
 * Payara by {@code payara-config/pre-boot-commands.asadmin} and sized by {@code
 * post-boot-commands.asadmin}, on WildFly by {@code wildfly-config/configure.cli}, from {@code
 * auth.db.*} (see {@link PoolSettings} and the README).
 *
 * <p>Why not {@code @DataSourceDefinition}: Payara reads its pool sizes as annotation constants,
 * and an application-scoped resource file ({@code payara-resources.xml}) does not resolve variables
 * in pool attributes; a server-level pool is the one place where Payara resolves them from the
 * configuration.
 */
public final class Database {

  /**
   * The datasource's resource reference, {@code java:comp/env/jdbc/auth}: each server's descriptor
   * maps it to its own datasource ({@code payara-web.xml} to the global {@code jdbc/auth}, {@code
   * jboss-web.xml} to {@code java:/jdbc/auth}), because the two resolve a bare {@code
   * lookup="jdbc/auth"} differently (WildFly reads it relative to {@code java:comp/env}).
   * persistence.xml's {@code jdbc/auth} resolves on both as it is.
   */
  public static final String RESOURCE_REFERENCE = "java:comp/env/jdbc/auth";

  private Database() {}
}
