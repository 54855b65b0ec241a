package dev.jwtauth.users;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Optional;

/**
 * Checks usernames and passwords against the users table. Login reaches it through the container's
 * {@code IdentityStoreHandler}, so further stores (LDAP, another database) can be added beside it.
 * The caller's unique id is the user's id, which becomes the token's {@code sub}.
 */
@ApplicationScoped
public class UserIdentityStore implements IdentityStore {

  public static final String STORE_ID = "users";

  @Inject UserRepository users;
  @Inject PasswordHasher hasher;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof UsernamePasswordCredential login)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    char[] password = login.getPassword().getValue();
    Optional<UserAccount> found = users.findByUsername(login.getCaller());
    if (found.isEmpty()) {
      hasher.verifyDecoy(password);
      return CredentialValidationResult.INVALID_RESULT;
    }
    UserAccount user = found.get();
    boolean matches = hasher.verify(password, user.passwordHash());
    if (!matches || !user.enabled()) {
      return CredentialValidationResult.INVALID_RESULT;
    }
    if (hasher.needsRehash(user.passwordHash())) {
      // Only now is the password at hand: an older hash (PBKDF2, or a lower cost) becomes today's.
      users.rehash(user.id(), password);
    }
    return new CredentialValidationResult(STORE_ID, user.username(), null, user.id(), user.roles());
  }
}
