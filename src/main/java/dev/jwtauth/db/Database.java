package dev.jwtauth.db;

/**
 * The application's one datasource: a server-level JDBC resource and connection pool created by
 * {@code payara-config/pre-boot-commands.asadmin} and sized by {@code post-boot-commands.asadmin}
 * from {@code auth.db.*} (see {@link PoolSettings} and the README).
 *
 * <p>Why not {@code @DataSourceDefinition}: Payara reads its pool sizes as annotation constants,
 * and an application-scoped resource file ({@code payara-resources.xml}) does not resolve variables
 * in pool attributes; a server-level pool is the one place where Payara resolves them from the
 * configuration.
 */
public final class Database {

  public static final String JNDI_NAME = "jdbc/auth";

  private Database() {}
}
