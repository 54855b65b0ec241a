package dev.jwtauth.authorize;

import dev.jwtauth.audit.AuditEventType;
import dev.jwtauth.audit.AuditLog;
import dev.jwtauth.login.LoginService;
import dev.jwtauth.metrics.AuthMetrics;
import dev.jwtauth.sso.AuthorizationCodes;
import dev.jwtauth.sso.BrowserSession;
import dev.jwtauth.sso.BrowserSessions;
import dev.jwtauth.sso.CodeBinding;
import dev.jwtauth.token.InvalidGrantException;
import dev.jwtauth.token.ScopePolicy;
import dev.jwtauth.users.UserAccount;
import dev.jwtauth.users.UserRepository;
import dev.jwtauth.verify.Scopes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The browser's sign-in: the login page's password check starts a browser session; a live browser
 * session answers the next authorization requests without the page (single sign-on). Either way the
 * client gets an authorization code.
 */
@ApplicationScoped
public class SignInService {

  /** A sign-in on the login page: the browser session's cookie value and the client's code. */
  public record SignedIn(String browserSessionValue, String code) {}

  @Inject LoginService logins;
  @Inject BrowserSessions browserSessions;
  @Inject AuthorizationCodes codes;
  @Inject UserRepository users;
  @Inject ScopePolicy scopePolicy;
  @Inject AuditLog audit;
  @Inject AuthMetrics metrics;
  @Inject Clock clock;

  /**
   * Checks the password (the throttle, audit and metrics of every login) and starts a browser
   * session.
   *
   * @throws dev.jwtauth.throttle.TooManyAttemptsException while the throttle refuses
   * @throws InvalidGrantException for wrong credentials, or a caller of another identity store
   *     (their roles are known only at the password check, which single sign-on skips)
   */
  public SignedIn signIn(
      String username, char[] password, AuthorizationRequest request, String clientAddress) {
    LoginService.Authenticated caller =
        logins.authenticate(username, password, request.client().id(), clientAddress);
    UserAccount user =
        caller
            .account()
            .orElseThrow(
                () -> new InvalidGrantException("This account cannot sign in through the browser"));
    BrowserSessions.Started started = browserSessions.start(user.id(), user.username());
    String code = issueCode(request, started.session(), user, "login");
    logins.succeeded(caller, username, request.client().id(), clientAddress);
    return new SignedIn(started.value(), code);
  }

  /**
   * A code for the request from the browser's live session, if it has one that the request accepts
   * ({@code prompt=login} never does; {@code max_age} must not have passed).
   */
  public Optional<String> continueSession(
      String browserSessionValue, AuthorizationRequest request) {
    if ("login".equals(request.prompt()) || browserSessionValue == null) {
      return Optional.empty();
    }
    Optional<BrowserSession> session = browserSessions.use(browserSessionValue);
    if (session.isEmpty()
        || !recentEnough(session.get().authTime(), clock.instant(), request.maxAge())) {
      return Optional.empty();
    }
    Optional<UserAccount> user =
        users.findById(session.get().userId()).filter(UserAccount::enabled);
    return user.map(account -> issueCode(request, session.get(), account, "sso"));
  }

  /**
   * Whether a sign-in at {@code authTime} still answers a request with this {@code max_age}
   * (seconds, or null for any age). OIDC Core §3.1.2.1: older than {@code max_age} asks for the
   * password again, and {@code max_age=0} always does, as {@code prompt=login}.
   */
  static boolean recentEnough(Instant authTime, Instant now, Long maxAge) {
    if (maxAge == null) {
      return true;
    }
    return maxAge > 0 && Duration.between(authTime, now).toSeconds() <= maxAge;
  }

  private String issueCode(
      AuthorizationRequest request, BrowserSession session, UserAccount user, String how) {
    // Of what was asked, what the user's roles and the client allow (RFC 6749 §3.3: fewer scopes
    // than asked are granted, and the token response says which).
    Set<String> available = scopePolicy.allowed(user.roles());
    available.retainAll(request.client().scopes());
    Set<String> granted = new TreeSet<>(request.scopes().isEmpty() ? available : request.scopes());
    granted.retainAll(available);
    String code =
        codes.issue(
            new CodeBinding(
                request.client().id(),
                request.redirectUri(),
                request.codeChallenge(),
                request.nonce(),
                Scopes.of(granted).toString(),
                session.id(),
                user.id(),
                session.authTime()));
    audit.recordForClient(
        AuditEventType.AUTHORIZATION_GRANTED,
        user.id(),
        user.id(),
        session.id(),
        request.client().id(),
        "sso".equals(how) ? "single sign-on" : "signed in on the login page");
    metrics.signIn("authorization", how);
    return code;
  }
}
