package dev.jwtauth.metrics;

import dev.jwtauth.security.BearerChecked;
import dev.jwtauth.verify.Reason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The counters and the verification timer, each created once so that the request path never looks a
 * meter up. Label values are closed sets (outcomes, {@link Reason}s, grant types, client ids):
 * never a username, a subject or a token id.
 */
@ApplicationScoped
public class AuthMetrics {

  /** How a credential check ended. */
  public enum LoginOutcome {
    SUCCEEDED,
    /** Wrong password or unknown user (the same answer to the caller). */
    FAILED,
    /** Refused by the throttle before any hash (429). */
    THROTTLED,
    /** Too many hashes at once (503). */
    BUSY
  }

  /** How a refresh ended. */
  public enum RefreshOutcome {
    ROTATED,
    /** A token rotated moments ago, presented again by its client: the same successor again. */
    RETRIED,
    /** A rotated token presented again: the session was revoked. */
    REUSE_DETECTED,
    /** The session's lifetime or the token's idle timeout had passed. */
    EXPIRED,
    /** Unknown, revoked, another client's, a disabled user's, or a lost race. */
    INVALID
  }

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<LoginOutcome, Counter> logins = new EnumMap<>(LoginOutcome.class);
  private final Map<RefreshOutcome, Counter> refreshes = new EnumMap<>(RefreshOutcome.class);
  private final Map<Reason, Counter> refusals = new EnumMap<>(Reason.class);
  private final Counter accepted;
  private final Counter databaseUnavailable;
  private final Counter changesPushed;
  private final Timer verificationTime;

  public AuthMetrics() {
    for (LoginOutcome outcome : LoginOutcome.values()) {
      logins.put(
          outcome,
          Counter.builder("auth.logins")
              .description("Password logins (first-party and OAuth password grant) by outcome")
              .tag("outcome", label(outcome))
              .register(registry));
    }
    for (RefreshOutcome outcome : RefreshOutcome.values()) {
      refreshes.put(
          outcome,
          Counter.builder("auth.refreshes")
              .description("Refresh token presentations by outcome")
              .tag("outcome", label(outcome))
              .register(registry));
    }
    accepted = verifications("accepted", "none");
    databaseUnavailable =
        Counter.builder("auth.database.unavailable")
            .description(
                "Requests answered 503 temporarily_unavailable because the database was out of"
                    + " reach")
            .register(registry);
    changesPushed =
        Counter.builder("auth.sync.notifications")
            .description(
                "Committed changes (revocations, keys, clients; of any node) this node heard of at"
                    + " once from PostgreSQL (LISTEN/NOTIFY), ahead of the poll")
            .register(registry);
    for (Reason reason : Reason.values()) {
      refusals.put(reason, verifications("refused", label(reason)));
    }
    verificationTime =
        Timer.builder("auth.verification")
            .description("Time to check a bearer token (cache hit or full verification)")
            .serviceLevelObjectives(
                Duration.ofNanos(1_000),
                Duration.ofNanos(10_000),
                Duration.ofNanos(50_000),
                Duration.ofNanos(100_000),
                Duration.ofNanos(250_000),
                Duration.ofNanos(500_000),
                Duration.ofMillis(1),
                Duration.ofMillis(5),
                Duration.ofMillis(25))
            .register(registry);
  }

  private Counter verifications(String outcome, String reason) {
    return Counter.builder("auth.verifications")
        .description("Bearer token checks by outcome and refusal reason")
        .tag("outcome", outcome)
        .tag("reason", reason)
        .register(registry);
  }

  public void login(LoginOutcome outcome) {
    logins.get(outcome).increment();
  }

  public void refresh(RefreshOutcome outcome) {
    refreshes.get(outcome).increment();
  }

  /** A request answered 503 because the database was out of reach. */
  public void changePushed() {
    changesPushed.increment();
  }

  public void databaseUnavailable() {
    databaseUnavailable.increment();
  }

  /**
   * A bearer check.
   *
   * @param refusal why the token was refused, or null when it was accepted
   * @param nanos how long the check took
   */
  public void verification(Reason refusal, long nanos) {
    (refusal == null ? accepted : refusals.get(refusal)).increment();
    verificationTime.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  /** The guard's decisions, as it reports them. */
  void onBearerChecked(@Observes BearerChecked checked) {
    verification(checked.refusal(), checked.nanos());
  }

  /**
   * An access token issued.
   *
   * @param grantType {@code password}, {@code refresh_token}, {@code client_credentials} or {@code
   *     token_exchange}
   * @param clientId a registered client (a closed set an administrator controls)
   */
  public void tokenIssued(String grantType, String clientId) {
    Counter.builder("auth.tokens.issued")
        .description("Access tokens issued by grant type and client")
        .tag("grant_type", grantType)
        .tag("client_id", clientId)
        .register(registry)
        .increment();
  }

  /**
   * A step of the browser sign-in (the code flow).
   *
   * @param step {@code authorization} (a code issued), {@code code_exchange} or {@code logout}
   * @param outcome {@code login} or {@code sso} (how an authorization was made), {@code exchanged},
   *     {@code replayed} or {@code refused} (a code exchange), {@code ended} (a logout)
   */
  public void signIn(String step, String outcome) {
    Counter.builder("auth.signin")
        .description("Browser sign-in (OpenID Connect code flow) steps by outcome")
        .tag("step", step)
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  /** A revocation made on this node ({@code jti}, {@code sid} or {@code user}). */
  public void revocation(String kind) {
    Counter.builder("auth.revocations")
        .description("Revocations made through this node, by kind")
        .tag("kind", kind)
        .register(registry)
        .increment();
  }

  /** Where the gauges register (see {@code health.MetricsScrape}). */
  public PrometheusMeterRegistry registry() {
    return registry;
  }

  @PreDestroy
  void close() {
    registry.close();
  }

  public static String label(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
