package dev.jwtauth.db;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The application's one datasource, defined by the application so that the embedded H2 file and a
 * PostgreSQL server are chosen by configuration alone ({@code auth.db.*}, see the README). Payara
 * resolves the {@code ${MPCONFIG=...}} placeholders from MicroProfile Config; the {@code fish.payara.*}
 * properties are Payara's pool settings. The pool size is an annotation constant (Payara reads it as
 * an int, not through MicroProfile Config).
 */
@DataSourceDefinition(
    name = Database.JNDI_NAME,
    className = "dev.jwtauth.db.JdbcUrlDataSource",
    url = "${MPCONFIG=auth.db.url}",
    user = "${MPCONFIG=auth.db.user}",
    password = "${MPCONFIG=auth.db.password}",
    minPoolSize = 2,
    maxPoolSize = Database.MAX_POOL_SIZE,
    properties = {
      "fish.payara.max-wait-time-in-millis=${MPCONFIG=auth.db.pool.max-wait-millis}",
      "fish.payara.statement-timeout-in-seconds=${MPCONFIG=auth.db.statement-timeout-seconds}",
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=auto-commit",
      "fish.payara.fail-all-connections=true"
    })
@ApplicationScoped
public class Database {

  public static final String JNDI_NAME = "java:app/jdbc/auth";

  /** Connections per node; with N nodes the database must allow N times this many. */
  public static final int MAX_POOL_SIZE = 32;
}
