package dev.jwtauth.token;

import dev.jwtauth.clients.ClaimSet;
import dev.jwtauth.clients.Client;
import dev.jwtauth.users.UserAccount;
import dev.jwtauth.users.UserProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The user claims a client's tokens carry, read when each token is issued. */
@ApplicationScoped
public class IdentityClaims {

  @Inject PermissionPolicy permissions;

  /** For one of our users, through the client's claim set. */
  public Map<String, Object> of(Set<String> claimSet, UserAccount user) {
    return UserClaims.of(
        claimSet,
        user.profile(),
        user.roles(),
        permissions.of(user.roles(), user.permissions()),
        user.organization());
  }

  /** For a caller whose only known facts are their roles (another identity store's). */
  public Map<String, Object> ofRoles(Set<String> claimSet, Set<String> roles) {
    return UserClaims.of(claimSet, UserProfile.EMPTY, roles, permissions.of(roles, Set.of()), null);
  }

  /** The claim set of a client, or the default when it is gone. */
  public static Set<String> claimSet(Optional<Client> client) {
    return client.map(Client::claims).orElse(ClaimSet.DEFAULT);
  }

  /**
   * A token exchange: the subject token's claims that the new client's claim set names, and its
   * organization, copied as they are (the user is not read again; the exchanged token never
   * outlives its subject's).
   */
  public static Map<String, Object> copied(Set<String> claimSet, Map<String, Object> subject) {
    Map<String, Object> copied = new LinkedHashMap<>();
    if (subject.get(UserClaims.ORGANIZATION) instanceof String organization) {
      copied.put(UserClaims.ORGANIZATION, organization);
    }
    for (String claim : claimSet) {
      String name =
          claim.startsWith(ClaimSet.ATTRIBUTE_PREFIX)
              ? claim.substring(ClaimSet.ATTRIBUTE_PREFIX.length())
              : claim;
      if (subject.containsKey(name) && !ClaimSet.FIXED.contains(name)) {
        copied.put(name, subject.get(name));
      }
    }
    return copied;
  }
}
