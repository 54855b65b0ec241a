package dev.jwtauth.db;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Objects;
import java.util.logging.Logger;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date with the versioned migrations in {@code db/migration}, and on
 * PostgreSQL with the repeatable ones in {@code db/postgresql} (the change notifications'
 * triggers); JPA never generates DDL.
 */
@ApplicationScoped
public class SchemaMigration {

  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

  @Inject AuthDataSource dataSource;

  public void migrate() {
    String database = product();
    Flyway flyway =
        Flyway.configure(getClass().getClassLoader())
            .dataSource(dataSource.get())
            .locations(
                database.startsWith(" on PostgreSQL")
                    ? new String[] {"classpath:db/migration", "classpath:db/postgresql"}
                    : new String[] {"classpath:db/migration"})
            .load();
    MigrateResult result = flyway.migrate();
    // Flyway names the target version only when it applied something; an up-to-date schema's
    // version is the current one.
    String version =
        result.targetSchemaVersion != null
            ? result.targetSchemaVersion
            : Arrays.stream(flyway.info().applied())
                .map(MigrationInfo::getVersion)
                .filter(Objects::nonNull) // a repeatable migration has none
                .reduce((earlier, later) -> later)
                .map(MigrationVersion::getVersion)
                .orElse("none (empty)");
    LOG.info(
        () ->
            "Database schema at version "
                + version
                + " ("
                + result.migrationsExecuted
                + " migrations applied now)"
                + database);
  }

  /**
   * " on H2 2.3.232 (2024-08-11)", say: which database and driver version the server really loaded
   * (a server may bring its own H2 and load it before ours).
   */
  private String product() {
    try (Connection connection = dataSource.get().getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      return " on " + meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
    } catch (SQLException e) {
      return "";
    }
  }
}
