package dev.jwtauth.config;

import dev.jwtauth.db.DatabaseSettings;
import dev.jwtauth.db.PoolSettings;
import dev.jwtauth.guard.Durations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.Config;

/**
 * The one reader of MicroProfile Config. Defaults live in META-INF/microprofile-config.properties.
 */
@ApplicationScoped
public class SettingsProducer {

  @Inject Config config;

  @Produces
  @Singleton
  public TokenSettings tokenSettings() {
    return new TokenSettings(
        text("auth.issuer"),
        words(text("auth.audience")),
        duration("auth.access-token.ttl"),
        duration("auth.clock-skew"),
        text("auth.access-token.typ"),
        roleScopes(text("auth.role-scopes")),
        roleMap("auth.role-permissions", optionalText("auth.role-permissions")));
  }

  @Produces
  @Singleton
  public DatabaseSettings databaseSettings() {
    return new DatabaseSettings(text("auth.db.url"));
  }

  @Produces
  @Singleton
  public RefreshSettings refreshSettings() {
    return new RefreshSettings(
        duration("auth.refresh-token.idle-timeout"),
        duration("auth.session.lifetime"),
        duration("auth.refresh-token.retry-window"),
        duration("auth.refresh-token.reuse-grace"),
        duration("auth.refresh-token.purge-interval"),
        config.getValue("auth.session.max-per-user", Integer.class));
  }

  @Produces
  @Singleton
  public SignInSettings signInSettings() {
    return new SignInSettings(
        duration("auth.sso.lifetime"),
        duration("auth.sso.idle-timeout"),
        duration("auth.id-token.ttl"));
  }

  @Produces
  @Singleton
  public SyncSettings syncSettings() {
    return new SyncSettings(
        duration("auth.readiness.max-sync-lag"), duration("auth.sync.poll-interval"));
  }

  @Produces
  @Singleton
  public RevocationFeedSettings revocationFeedSettings() {
    return new RevocationFeedSettings(duration("auth.revocation-feed.retention"));
  }

  @Produces
  @Singleton
  public OperationsSettings operationsSettings() {
    return new OperationsSettings(
        words(optionalText("auth.metrics.allowed-addresses")),
        duration("auth.audit.retention"),
        OperationsSettings.jsonLogs(text("auth.log.format").toLowerCase(java.util.Locale.ROOT)));
  }

  @Produces
  @Singleton
  public KeySettings keySettings() {
    return new KeySettings(
        text("auth.keys.algorithm"),
        duration("auth.keys.rotation-interval"),
        duration("auth.keys.jwks-max-age"));
  }

  @Produces
  @Singleton
  public PasswordHashSettings passwordHashSettings() {
    int cores = Runtime.getRuntime().availableProcessors();
    int configured = config.getValue("auth.password.max-concurrent-hashes", Integer.class);
    // 0: twice the cores, which keeps the cores busy without queueing heaps of 19 MiB buffers
    int concurrent = configured > 0 ? configured : 2 * cores;
    int kept = config.getValue("auth.password.kept-hash-memories", Integer.class);
    return new PasswordHashSettings(
        config.getValue("auth.password.argon2.memory-kib", Integer.class),
        config.getValue("auth.password.argon2.iterations", Integer.class),
        config.getValue("auth.password.argon2.parallelism", Integer.class),
        concurrent,
        duration("auth.password.hash-wait"),
        // -1: one per core, as many as hash at once when the cores are busy
        kept >= 0 ? kept : Math.min(cores, concurrent));
  }

  @Produces
  @Singleton
  public ThrottleSettings throttleSettings() {
    return new ThrottleSettings(
        config.getValue("auth.login.throttle.failures", Integer.class),
        duration("auth.login.throttle.window"),
        duration("auth.login.throttle.lockout"),
        duration("auth.login.throttle.max-lockout"),
        config.getValue("auth.login.throttle.address-failures", Integer.class),
        duration("auth.login.throttle.address-window"),
        words(optionalText("auth.trusted-proxies")),
        config.getValue("auth.revocation.rate-limit", Integer.class));
  }

  @Produces
  @Singleton
  public PasswordPolicy passwordPolicy() {
    return new PasswordPolicy(config.getValue("auth.password.min-length", Integer.class));
  }

  @Produces
  @Singleton
  public ClientSettings clientSettings() {
    return new ClientSettings(
        text("auth.resource-server.client-id"),
        new LinkedHashSet<>(words(text("auth.resource-server.scopes"))),
        new LinkedHashSet<>(words(optionalText("auth.resource-server.roles"))),
        new LinkedHashSet<>(words(text("auth.impersonation.roles"))),
        duration("auth.impersonation.ttl"),
        definedClients());
  }

  /**
   * {@code auth.clients=id1,id2} and, for each, {@code auth.client.<id>.grant-types} (required),
   * {@code .secret} (absent: a public client), {@code .scopes}, {@code .audiences} (default {@code
   * auth.audience}), {@code .roles}, {@code .access-token-ttl}, {@code .claims} (absent: the
   * default claim set), {@code .revocation-feed} (default false), {@code .name}, {@code
   * .redirect-uris} and {@code .post-logout-redirect-uris} (the authorization code flow).
   */
  private List<ClientDefinition> definedClients() {
    List<ClientDefinition> clients = new ArrayList<>();
    for (String id : words(optionalText("auth.clients"))) {
      String prefix = "auth.client." + id + ".";
      String grants = optionalText(prefix + "grant-types");
      if (grants.isEmpty()) {
        throw new IllegalArgumentException(
            prefix + "grant-types must be set for the client " + id + " listed in auth.clients");
      }
      String audiences = optionalText(prefix + "audiences");
      String secret = optionalText(prefix + "secret");
      clients.add(
          new ClientDefinition(
              id,
              secret.isEmpty() ? null : secret,
              new LinkedHashSet<>(words(grants)),
              new LinkedHashSet<>(words(optionalText(prefix + "scopes"))),
              audiences.isEmpty() ? words(text("auth.audience")) : words(audiences),
              new LinkedHashSet<>(words(optionalText(prefix + "roles"))),
              optionalDuration(prefix + "access-token-ttl"),
              config.getOptionalValue(prefix + "claims", String.class).isPresent()
                  ? new LinkedHashSet<>(words(optionalText(prefix + "claims")))
                  : null,
              config.getOptionalValue(prefix + "revocation-feed", Boolean.class).orElse(false),
              optionalText(prefix + "name").isEmpty() ? null : optionalText(prefix + "name"),
              words(optionalText(prefix + "redirect-uris")),
              words(optionalText(prefix + "post-logout-redirect-uris"))));
    }
    return clients;
  }

  private String optionalText(String name) {
    return config.getOptionalValue(name, String.class).orElse("").trim();
  }

  /** Through {@link DurationConverter}; its refusal is said again with the setting's name. */
  private Duration duration(String name) {
    try {
      return config.getValue(name, Duration.class);
    } catch (IllegalArgumentException e) {
      Durations.parse(name, text(name)); // throws, naming the setting
      throw e; // it reads: DurationConverter was not the converter used
    }
  }

  private Duration optionalDuration(String name) {
    try {
      return config.getOptionalValue(name, Duration.class).orElse(null);
    } catch (IllegalArgumentException e) {
      Durations.parse(name, optionalText(name)); // throws, naming the setting
      throw e; // it reads: DurationConverter was not the converter used
    }
  }

  @Produces
  @Singleton
  public PoolSettings poolSettings() {
    return new PoolSettings(
        text(PoolSettings.MIN_SIZE),
        text(PoolSettings.MAX_SIZE),
        text(PoolSettings.MAX_WAIT_MILLIS),
        text(PoolSettings.IDLE_TIMEOUT_SECONDS),
        text(PoolSettings.STATEMENT_TIMEOUT_SECONDS));
  }

  @Produces
  @Singleton
  public Secrets secrets() {
    return new Secrets(
        config.getOptionalValue("auth.keys.encryption-secret", String.class).orElse(null),
        config.getOptionalValue("auth.bootstrap.admin-password", String.class).orElse(null),
        config.getOptionalValue("auth.resource-server.client-secret", String.class).orElse(null));
  }

  private String text(String name) {
    return config.getValue(name, String.class).trim();
  }

  private static List<String> words(String text) {
    return Arrays.stream(text.split("[\\s,]+")).filter(w -> !w.isEmpty()).toList();
  }

  /** {@code user=tasks:read tasks:write;admin=admin}: each role and the scopes it may hold. */
  static Map<String, Set<String>> roleScopes(String text) {
    return roleMap("auth.role-scopes", text);
  }

  /** {@code role=a,b;role2=c}: each role and the words it maps to. */
  static Map<String, Set<String>> roleMap(String setting, String text) {
    Map<String, Set<String>> result = new LinkedHashMap<>();
    for (String entry : text.split(";")) {
      if (entry.isBlank()) {
        continue;
      }
      int eq = entry.indexOf('=');
      if (eq < 1) {
        throw new IllegalArgumentException(setting + " entry is not role=values: " + entry);
      }
      result.put(
          entry.substring(0, eq).trim(), new LinkedHashSet<>(words(entry.substring(eq + 1))));
    }
    return result;
  }
}
