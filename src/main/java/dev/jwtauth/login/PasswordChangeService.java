package dev.jwtauth.login;

import dev.jwtauth.audit.AuditEventType;
import dev.jwtauth.audit.AuditLog;
import dev.jwtauth.config.PasswordPolicy;
import dev.jwtauth.refresh.RefreshService;
import dev.jwtauth.revocation.RevocationService;
import dev.jwtauth.throttle.LoginThrottle;
import dev.jwtauth.throttle.TooManyAttemptsException;
import dev.jwtauth.users.HashingBusyException;
import dev.jwtauth.users.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;

/**
 * A user changes their own password; every session and every earlier access token of theirs ends.
 */
@ApplicationScoped
public class PasswordChangeService {

  @Inject UserRepository users;
  @Inject RefreshService sessions;
  @Inject PasswordPolicy passwords;
  @Inject AuditLog audit;
  @Inject RevocationService revocations;
  @Inject LoginThrottle throttle;

  /**
   * @param username the caller's username: the current password is throttled like a login of it
   * @param clientAddress where the request comes from
   * @throws TooManyAttemptsException while that (username, address) pair or the address is refused
   */
  public void change(
      String userId, String username, String clientAddress, char[] current, char[] replacement) {
    if (replacement.length < passwords.minLength()) {
      throw new WeakPasswordException(
          "The new password must have at least " + passwords.minLength() + " characters");
    }
    if (Arrays.equals(current, replacement)) {
      throw new WeakPasswordException("The new password must differ from the current one");
    }
    LoginThrottle.Attempt attempt = throttle.begin(username, clientAddress);
    boolean changed;
    try {
      changed = users.changePassword(userId, current, replacement);
    } catch (HashingBusyException e) {
      throttle.abandoned(attempt);
      throw e;
    }
    if (!changed) {
      throttle.failed(attempt);
      audit.record(
          AuditEventType.PASSWORD_CHANGE_FAILED, userId, userId, null, "wrong current password");
      throw new WrongPasswordException();
    }
    throttle.succeeded(attempt);
    audit.record(AuditEventType.PASSWORD_CHANGED, userId, userId, null, null);
    revocations.revokeUser(userId, "password_changed");
    sessions.endAllSessions(userId, userId, "password_changed");
  }
}
