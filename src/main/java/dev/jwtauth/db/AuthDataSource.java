package dev.jwtauth.db;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import javax.sql.DataSource;

/**
 * The application's datasource for the code that needs plain JDBC (schema migration, the readiness
 * check), looked up once, when the application starts ({@link SchemaMigration} is its first user).
 * Why one bean and not an {@code @Resource} in each: WildFly resolves {@code java:comp/env} only on
 * the application's own threads, and the readiness check is created on a management thread.
 */
@ApplicationScoped
public class AuthDataSource {

  @Resource(lookup = Database.RESOURCE_REFERENCE)
  DataSource dataSource;

  public DataSource get() {
    return dataSource;
  }
}
