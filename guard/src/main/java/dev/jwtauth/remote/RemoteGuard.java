package dev.jwtauth.remote;

import com.nimbusds.jose.JWSAlgorithm;
import dev.jwtauth.guard.Durations;
import dev.jwtauth.guard.GuardSettings;
import dev.jwtauth.verify.RevocationCheck;
import dev.jwtauth.verify.TokenVerifier;
import dev.jwtauth.verify.TrustedIssuer;
import dev.jwtauth.verify.TrustedIssuers;
import dev.jwtauth.verify.VerificationKeys;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.Config;

/**
 * The guard in a WAR other than the token service: the service's keys from its JWKS and its
 * revocations from its feed, both followed in the background from the moment the application
 * starts. These are the default keys and revocation check; the token service brings its own (as CDI
 * alternatives), so none of this runs there.
 */
@ApplicationScoped
public class RemoteGuard {

  private static final Logger LOG = Logger.getLogger(RemoteGuard.class.getName());

  @Inject Config config;
  @Inject GuardSettings guard;
  @Inject Clock clock;

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private volatile RemoteJwks keys;
  private volatile RevocationFeedFollower feed;
  private GuardStatus status;

  /**
   * In a WAR where these are the guard's keys (not in the token service, which brings its own),
   * resolves the verifier at start, so that keys and revocations are fetched before any request.
   * Nothing is resolved in the service: Payara injects a bean's resources only when the WAR's own
   * code creates it, and the service's start-up does that itself.
   */
  void start(
      @Observes @Initialized(ApplicationScoped.class) Object started,
      BeanManager beans,
      Instance<TokenVerifier> verifier) {
    Bean<?> keysBean = beans.resolve(beans.getBeans(VerificationKeys.class));
    if (keysBean != null && keysBean.getBeanClass() == RemoteGuard.class) {
      verifier.get();
      if (keys != null) {
        status = new GuardStatus(keys, feed);
        status.register(applicationName());
      }
      LOG.info(() -> "Guard ready for " + guard.issuer());
    }
  }

  @Produces
  @Singleton
  VerificationKeys remoteKeys() {
    RemoteGuardSettings settings = settings();
    keys =
        new RemoteJwks(
            guard.issuer(),
            settings.jwksUri(),
            settings.algorithms(),
            settings.minRefetchInterval(),
            Duration.ofMinutes(5),
            http,
            lookup("java:comp/DefaultManagedScheduledExecutorService"),
            clock);
    keys.start();
    LOG.info(() -> "Guard of " + guard.issuer() + ": " + settings);
    return keys;
  }

  @Produces
  @Singleton
  RevocationCheck remoteRevocations() {
    RemoteGuardSettings settings = settings();
    if (settings.feedUri() == null) {
      LOG.warning(
          "jwtauth.guard.revocation-feed.enabled=false: revoked tokens are accepted here until they"
              + " expire");
      return token -> false;
    }
    feed =
        new RevocationFeedFollower(
            settings.feedUri(),
            settings.feedClientId(),
            settings.feedClientSecret(),
            settings.maxLag(),
            settings.failClosed(),
            http,
            clock);
    feed.start(this.<ManagedThreadFactory>lookup("java:comp/DefaultManagedThreadFactory"));
    return feed;
  }

  /**
   * The issuers trusted besides the token service ({@code jwtauth.guard.trusted-issuers=<name>,…}
   * with {@code .<name>.issuer}, {@code .audience}, {@code .jwks-uri} (absent: discovery), {@code
   * .roles-claim} (a JSON pointer; absent: {@code /groups}) and {@code .algorithms}), each with its
   * own keys fetched in the background. The same in the service and in any other WAR.
   */
  @Produces
  @Singleton
  TrustedIssuers trustedIssuers() {
    List<String> names =
        optional("jwtauth.guard.trusted-issuers")
            .map(list -> Arrays.asList(list.split("[\\s,]+")))
            .orElse(List.of());
    if (names.isEmpty()) {
      return TrustedIssuers.NONE;
    }
    List<TrustedIssuer> trusted = new ArrayList<>();
    for (String name : names) {
      String prefix = "jwtauth.guard.trusted-issuers." + name + ".";
      String issuer =
          optional(prefix + "issuer")
              .orElseThrow(() -> new IllegalArgumentException(prefix + "issuer must be set"));
      RemoteJwks issuerKeys =
          new RemoteJwks(
              issuer,
              optional(prefix + "jwks-uri").map(URI::create).orElse(null),
              algorithms(optional(prefix + "algorithms").orElse("RS256 ES256")),
              duration("jwtauth.guard.jwks.min-refetch-interval", "10s"),
              Duration.ofMinutes(5),
              http,
              lookup("java:comp/DefaultManagedScheduledExecutorService"),
              clock);
      trusted.add(
          new TrustedIssuer(
              issuer,
              optional(prefix + "audience")
                  .orElseThrow(() -> new IllegalArgumentException(prefix + "audience must be set")),
              optional(prefix + "roles-claim").orElse(null),
              issuerKeys));
      issuerKeys.start();
      LOG.info(() -> "Trusting the tokens of " + issuer + " (" + name + ")");
    }
    return new TrustedIssuers(trusted);
  }

  /** The feed being followed, if this guard follows one (readiness, tests). */
  public Optional<RevocationFeedFollower> feed() {
    return Optional.ofNullable(feed);
  }

  /** The keys being fetched, if this guard fetches them. */
  public Optional<RemoteJwks> keys() {
    return Optional.ofNullable(keys);
  }

  @PreDestroy
  void stop() {
    if (status != null) {
      status.unregister();
    }
    if (feed != null) {
      feed.stop();
    }
  }

  RemoteGuardSettings settings() {
    boolean following =
        config
            .getOptionalValue("jwtauth.guard.revocation-feed.enabled", Boolean.class)
            .orElse(true);
    String issuer = guard.issuer().endsWith("/") ? guard.issuer() : guard.issuer() + "/";
    return new RemoteGuardSettings(
        optional("jwtauth.guard.jwks-uri").map(URI::create).orElse(null),
        duration("jwtauth.guard.jwks.min-refetch-interval", "10s"),
        algorithms(optional("jwtauth.guard.algorithms").orElse("RS256 ES256")),
        following
            ? optional("jwtauth.guard.revocation-feed.uri")
                .map(URI::create)
                .orElse(URI.create(issuer).resolve("oauth2/revocations"))
            : null,
        optional("jwtauth.guard.revocation-feed.client-id").orElse(null),
        optional("jwtauth.guard.revocation-feed.client-secret").orElse(null),
        duration("jwtauth.guard.revocation-feed.max-lag", "10s"),
        config
            .getOptionalValue("jwtauth.guard.revocation-feed.fail-closed", Boolean.class)
            .orElse(false));
  }

  /**
   * The server's default concurrency resources, looked up when needed: Payara does not inject
   * {@code @Resource} fields of a library's classes (the deployment fails), and the token service
   * never needs them here.
   */
  private <T> T lookup(String name) {
    try {
      return InitialContext.doLookup(name);
    } catch (NamingException e) {
      throw new IllegalStateException("The server has no " + name, e);
    }
  }

  /** The application's name, for the JMX status; the guard works on without it. */
  private String applicationName() {
    try {
      return this.<String>lookup("java:app/AppName");
    } catch (IllegalStateException e) {
      return "guard-" + Integer.toHexString(System.identityHashCode(this));
    }
  }

  private static Set<JWSAlgorithm> algorithms(String list) {
    return Arrays.stream(list.split("[\\s,]+"))
        .map(JWSAlgorithm::parse)
        .collect(Collectors.toSet());
  }

  private Optional<String> optional(String name) {
    return config.getOptionalValue(name, String.class).map(String::trim).filter(v -> !v.isEmpty());
  }

  private Duration duration(String name, String fallback) {
    return Durations.parse(name, optional(name).orElse(fallback));
  }
}
