package dev.jwtauth.startup;

import dev.jwtauth.audit.RepeatedEvents;
import dev.jwtauth.clients.ConfiguredClients;
import dev.jwtauth.config.OperationsSettings;
import dev.jwtauth.config.Secrets;
import dev.jwtauth.config.TokenSettings;
import dev.jwtauth.db.DatabaseSettings;
import dev.jwtauth.db.PoolSettings;
import dev.jwtauth.db.SchemaMigration;
import dev.jwtauth.keys.KeyLifecycle;
import dev.jwtauth.keys.KeyRotationJob;
import dev.jwtauth.logging.JsonLogs;
import dev.jwtauth.metrics.MetricsAccess;
import dev.jwtauth.refresh.RefreshPurge;
import dev.jwtauth.secrets.ServerSecrets;
import dev.jwtauth.sync.SharedStateSync;
import dev.jwtauth.users.BootstrapAdmin;
import dev.jwtauth.users.DemoUsers;
import dev.jwtauth.users.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

/**
 * Runs once when the application starts; any failure here fails the deployment rather than leaving
 * a service that answers without keys or schema.
 */
@ApplicationScoped
public class ServiceStartup {

  private static final Logger LOG = Logger.getLogger(ServiceStartup.class.getName());

  @Inject TokenSettings settings;
  @Inject PoolSettings pool;
  @Inject DatabaseSettings database;
  @Inject SchemaMigration schema;
  @Inject DemoUsers demoUsers;
  @Inject KeyLifecycle keys;
  @Inject ServerSecrets serverSecrets;
  @Inject Secrets secrets;
  @Inject BootstrapAdmin bootstrapAdmin;
  @Inject RefreshPurge refreshPurge;
  @Inject RepeatedEvents repeatedEvents;
  @Inject SharedStateSync sharedState;
  @Inject KeyRotationJob keyRotation;
  @Inject ConfiguredClients configuredClients;
  // Providers: a bad setting then fails inside start(), which reports it in one line.
  @Inject Provider<OperationsSettings> operations;
  @Inject Provider<MetricsAccess> metricsAccess;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    try {
      start();
    } catch (Exception e) { // checked ones too: see startTogether
      // One line with the cause, for the operator and for scripts/run.sh; the server logs the
      // trace.
      LOG.severe(StartFailure.MARKER + StartFailure.describe(e));
      throw e;
    }
  }

  private void start() {
    if (operations.get().jsonLogs()) {
      JsonLogs.install(); // first, so that every line of the start is JSON too
    }
    metricsAccess.get(); // parses auth.metrics.allowed-addresses
    pool.validate();
    requireKnownRoles();
    if (!database.embedded()) {
      requireProductionSecrets();
    }
    schema.migrate();
    if (database.embedded()) {
      demoUsers.ensure();
    } else {
      startTogether(bootstrapAdmin::ensure, bootstrapAdmin::exists, "the bootstrap admin");
    }
    keys.ensureActiveKey();
    startTogether(serverSecrets::ensure, serverSecrets::exists, "the server secret");
    keys.encryptPlaintextAtRest();
    serverSecrets.load(); // the configured clients' secrets are hashed with a key from it
    configuredClients.ensure();
    sharedState.start(); // loads the keys and the revocation lists, then follows changes
    keyRotation.start();
    refreshPurge.start();
    repeatedEvents.start();
    LOG.info(
        () ->
            "Token service ready: issuer "
                + settings.issuer()
                + ", audience "
                + settings.audiences()
                + (database.embedded() ? ", embedded database " + database.url() : ""));
  }

  /**
   * Creates what two nodes starting together on an empty database may both create: the unique key
   * keeps one insert, and the other node's failure is no failure if the thing exists afterwards.
   * Any other failure still stops the start. Catches checked exceptions too: when the insert fails
   * at commit, WildFly's {@code @Transactional} interceptor lets the {@code RollbackException}
   * through as it is (Payara wraps it in a {@code TransactionalException}).
   */
  private static void startTogether(Runnable create, BooleanSupplier exists, String what) {
    try {
      create.run();
    } catch (Exception e) {
      if (!exists.getAsBoolean()) {
        throw e;
      }
      LOG.fine(() -> "Another node created " + what + " first");
    }
  }

  void onStop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object ignored) {
    // The background jobs end before any bean they use is destroyed (see RepeatingTask).
    sharedState.stop();
    keyRotation.stop();
    refreshPurge.stop();
    repeatedEvents.stop();
    JsonLogs.uninstall();
  }

  /** auth.role-scopes may only name roles that exist: a typo would silently grant nothing. */
  private void requireKnownRoles() {
    Set<String> unknown = new TreeSet<>(settings.roleScopes().keySet());
    unknown.removeAll(Roles.ALL);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "auth.role-scopes (environment variable AUTH_ROLE_SCOPES) names unknown roles "
              + unknown
              + "; the roles are "
              + new TreeSet<>(Roles.ALL));
    }
  }

  /** Production mode (any database but the embedded H2) never runs without its secrets. */
  private void requireProductionSecrets() {
    String secret = secrets.keysEncryptionSecret().orElse("");
    if (secret.length() < Secrets.MIN_ENCRYPTION_SECRET_LENGTH) {
      throw new IllegalStateException(
          "Production mode (auth.db.url is not the embedded H2 database) needs "
              + "auth.keys.encryption-secret (environment variable AUTH_KEYS_ENCRYPTION_SECRET) of at least "
              + Secrets.MIN_ENCRYPTION_SECRET_LENGTH
              + " characters: it encrypts the signing keys at rest");
    }
  }
}
