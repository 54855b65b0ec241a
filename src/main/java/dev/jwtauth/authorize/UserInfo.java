package dev.jwtauth.authorize;

import dev.jwtauth.token.IdTokenIssuer;
import dev.jwtauth.users.UserAccount;
import dev.jwtauth.users.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The OpenID Connect userinfo answer (OIDC Core §5.3): the claims of the token's scopes. */
@ApplicationScoped
public class UserInfo {

  @Inject UserRepository users;

  /**
   * @param subject the access token's {@code sub}
   * @param username the access token's caller name (for a caller of another identity store)
   * @param scopes the access token's scopes
   */
  public Map<String, Object> of(String subject, String username, Set<String> scopes) {
    Optional<UserAccount> user = subject.length() > 36 ? Optional.empty() : users.findById(subject);
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("sub", subject);
    claims.putAll(
        IdTokenIssuer.identityClaims(
            scopes,
            user.map(UserAccount::username).orElse(username),
            user.map(UserAccount::profile).orElse(null),
            user.map(UserAccount::profileUpdatedAt).orElse(null)));
    return claims;
  }
}
