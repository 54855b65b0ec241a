package dev.jwtauth.login;

import dev.jwtauth.audit.AuditEventType;
import dev.jwtauth.audit.AuditLog;
import dev.jwtauth.audit.RepeatedEvents;
import dev.jwtauth.clients.Client;
import dev.jwtauth.faults.DatabaseAvailability;
import dev.jwtauth.metrics.AuthMetrics;
import dev.jwtauth.refresh.RefreshService;
import dev.jwtauth.throttle.LoginThrottle;
import dev.jwtauth.throttle.TooManyAttemptsException;
import dev.jwtauth.token.IdentityClaims;
import dev.jwtauth.token.InvalidGrantException;
import dev.jwtauth.token.InvalidScopeException;
import dev.jwtauth.token.ScopePolicy;
import dev.jwtauth.token.TokenGrant;
import dev.jwtauth.users.HashingBusyException;
import dev.jwtauth.users.UserAccount;
import dev.jwtauth.users.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/** The password login shared by {@code /auth/login} and the OAuth password grant. */
@ApplicationScoped
public class LoginService {

  /** The first-party public client of the JSON login API. */
  public static final String WEB_CLIENT = Client.WEB;

  private static final Logger LOG = Logger.getLogger(LoginService.class.getName());
  private static final String BAD_CREDENTIALS = "Invalid username or password";

  @Inject IdentityStoreHandler identityStores;
  @Inject ScopePolicy scopePolicy;
  @Inject IdentityClaims identityClaims;
  @Inject UserRepository users;
  @Inject RefreshService sessions;
  @Inject LoginThrottle throttle;
  @Inject AuditLog audit;
  @Inject RepeatedEvents repeated;
  @Inject AuthMetrics metrics;
  @Inject DatabaseAvailability database;

  /**
   * Who passed the password check.
   *
   * @param subject the {@code sub} of their tokens
   * @param account our own user, or empty for a caller of another identity store
   */
  public record Authenticated(
      String subject, String username, Set<String> roles, Optional<UserAccount> account) {}

  /**
   * Checks the password through every identity store and starts a session for the client.
   *
   * @param clientAddress where the request comes from (see {@code TrustedProxies})
   * @throws TooManyAttemptsException while the (username, address) pair or the address is refused
   * @throws InvalidGrantException for wrong credentials (the same for an unknown user)
   * @throws InvalidScopeException for a scope the user or the client may not hold
   */
  public TokenGrant login(
      String username,
      char[] password,
      String requestedScope,
      Client client,
      String clientAddress) {
    Authenticated caller = authenticate(username, password, client.id(), clientAddress);
    Set<String> scopes = scopePolicy.grant(caller.roles(), requestedScope, client.scopes());
    // Our own users' profile and direct grants; another identity store's callers have their roles.
    Map<String, Object> userClaims =
        caller.account().isPresent()
            ? identityClaims.of(client.claims(), caller.account().get())
            : identityClaims.ofRoles(client.claims(), caller.roles());
    TokenGrant grant =
        sessions.startSession(
            caller.subject(),
            caller.username(),
            caller.roles(),
            userClaims,
            scopes,
            client.id(),
            client.accessTokenTtl());
    succeeded(caller, username, client.id(), clientAddress);
    metrics.tokenIssued("password", client.id());
    LOG.fine(
        () -> "Login succeeded for " + caller.subject() + ", token jti " + grant.access().jti());
    return grant;
  }

  /**
   * The audit row and count of a login that went through: after {@link #authenticate} and what the
   * caller still checked (the scope, the browser session), so that a refused one is not a success.
   */
  public void succeeded(
      Authenticated caller, String typedUsername, String clientId, String clientAddress) {
    audit.login(
        AuditEventType.LOGIN_SUCCEEDED,
        typedUsername,
        clientAddress,
        clientId,
        caller.subject(),
        null);
    metrics.login(AuthMetrics.LoginOutcome.SUCCEEDED);
  }

  /**
   * Checks the password through every identity store: the one check of the login API, the password
   * grant and the login page, with one throttle, audit and metrics (the success is recorded by
   * {@link #succeeded}). The throttle answers first: a refused attempt computes no password hash,
   * and its audit row is shared with the other refusals of its lockout.
   *
   * @param clientId the client the user signs in to, for the audit row
   * @param clientAddress where the request comes from (see {@code TrustedProxies})
   * @throws TooManyAttemptsException while the (username, address) pair or the address is refused
   * @throws InvalidGrantException for wrong credentials (the same for an unknown user)
   */
  public Authenticated authenticate(
      String username, char[] password, String clientId, String clientAddress) {
    database.check();
    LoginThrottle.Attempt attempt;
    try {
      attempt = throttle.begin(username, clientAddress);
      database.succeeded();
    } catch (TooManyAttemptsException e) {
      database.succeeded();
      String refused = e.refused() != null ? e.refused() : "address:" + clientAddress;
      repeated.record(
          refused,
          Duration.ofSeconds(e.retryAfterSeconds()),
          AuditEventType.LOGIN_THROTTLED,
          () ->
              audit.login(
                  AuditEventType.LOGIN_THROTTLED,
                  username,
                  clientAddress,
                  clientId,
                  null,
                  "too_many_attempts"));
      metrics.login(AuthMetrics.LoginOutcome.THROTTLED);
      throw e;
    }
    CredentialValidationResult result;
    try {
      result =
          identityStores.validate(new UsernamePasswordCredential(username, new Password(password)));
    } catch (HashingBusyException e) {
      throttle.abandoned(attempt);
      metrics.login(AuthMetrics.LoginOutcome.BUSY);
      throw e;
    }
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      metrics.login(AuthMetrics.LoginOutcome.FAILED);
      throttle.failed(attempt);
      audit.login(
          AuditEventType.LOGIN_FAILED,
          username,
          clientAddress,
          clientId,
          null,
          "invalid_credentials");
      throw new InvalidGrantException(BAD_CREDENTIALS);
    }
    throttle.succeeded(attempt);
    // Another identity store may not know a unique id; its principal name is then the subject.
    String subject =
        result.getCallerUniqueId() != null
            ? result.getCallerUniqueId()
            : result.getCallerPrincipal().getName();
    Optional<UserAccount> account =
        subject.length() > 36 ? Optional.empty() : users.findById(subject);
    return new Authenticated(
        subject, result.getCallerPrincipal().getName(), result.getCallerGroups(), account);
  }
}
