package dev.jwtauth.token;

import dev.jwtauth.clients.ClaimSet;
import dev.jwtauth.users.InvalidProfileException;
import dev.jwtauth.users.UserProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Keeps every token of a user well under the guard's 8 KB limit: before a profile, attributes,
 * roles or permissions are stored, the largest access token they could make (every claim a client
 * may map, every attribute, all the roles' scopes, a session, a 100-character client id, the
 * longest organization id) is issued once, unsent, and measured.
 */
@ApplicationScoped
public class TokenSizeCheck {

  /** The largest token the admin API lets a user's data make. */
  public static final int MAX_BYTES = 6 * 1024;

  @Inject AccessTokenIssuer issuer;
  @Inject PermissionPolicy permissions;
  @Inject ScopePolicy scopes;

  /**
   * @throws InvalidProfileException when the largest token would exceed {@link #MAX_BYTES}
   */
  public void requireFits(
      String username, UserProfile profile, Set<String> roles, Set<String> direct) {

    Set<String> everyClaim = new TreeSet<>(ClaimSet.KNOWN);
    profile.attributes().keySet().forEach(key -> everyClaim.add(ClaimSet.ATTRIBUTE_PREFIX + key));
    String token =
        issuer
            .issueUncustomized(
                new TokenRequest(
                    UUID.randomUUID().toString(),
                    username,
                    roles,
                    scopes.allowed(roles),
                    "c".repeat(100),
                    UUID.randomUUID().toString(),
                    null,
                    null,
                    null,
                    null,
                    UserClaims.of(
                        everyClaim, profile, roles, permissions.of(roles, direct), "o".repeat(63))))
            .token();
    if (token.length() > MAX_BYTES) {
      throw new InvalidProfileException(
          "token would exceed "
              + MAX_BYTES
              + " bytes ("
              + token.length()
              + "): fewer or shorter attributes or permissions");
    }
  }
}
