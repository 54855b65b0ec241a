package dev.jwtauth.token;

import dev.jwtauth.verify.Scopes;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which scopes a caller gets: everything their roles allow when none are asked for, otherwise
 * exactly what was asked, provided all of it is allowed (docs/oauth.md).
 */
public final class ScopePolicy {

  /**
   * The scope every administrative call needs in the token, besides the role {@code admin}
   * (docs/security.md).
   */
  public static final String ADMIN = "admin";

  /**
   * The OpenID Connect scopes (OIDC Core §5.4, §11): every user may hold them; a client only when
   * registered for them.
   */
  public static final Set<String> IDENTITY = Set.of("openid", "profile", "email", "offline_access");

  private final Map<String, Set<String>> roleScopes;

  public ScopePolicy(Map<String, Set<String>> roleScopes) {
    this.roleScopes = Map.copyOf(roleScopes);
  }

  /** What the roles allow, with the {@link #IDENTITY} scopes. */
  public Set<String> allowed(Collection<String> roles) {
    Set<String> allowed = new TreeSet<>(IDENTITY);
    for (String role : roles) {
      allowed.addAll(roleScopes.getOrDefault(role, Set.of()));
    }
    return allowed;
  }

  /**
   * @param requested space-separated scopes, or null / blank for "all I may hold"
   * @throws InvalidScopeException if any requested scope is not allowed
   */
  public Set<String> grant(Collection<String> roles, String requested) {
    return narrow(allowed(roles), requested, "this user");
  }

  /** As {@link #grant(Collection, String)}, within what the client may ask for too. */
  public Set<String> grant(Collection<String> roles, String requested, Set<String> clientScopes) {
    Set<String> allowed = allowed(roles);
    allowed.retainAll(clientScopes);
    return narrow(allowed, requested, "this user and client");
  }

  /**
   * @param available what may be granted
   * @param requested space-separated scopes, or null / blank for all of {@code available}
   * @param holder names who the limit belongs to, for the error message
   * @throws InvalidScopeException if any requested scope is not available
   */
  public static Set<String> narrow(Set<String> available, String requested, String holder) {
    if (requested == null || requested.isBlank()) {
      return new TreeSet<>(available);
    }
    Set<String> asked = Scopes.parse(requested).values();
    for (String scope : asked) {
      if (!available.contains(scope)) {
        throw new InvalidScopeException("The scope " + scope + " is not available to " + holder);
      }
    }
    return new TreeSet<>(asked);
  }
}
