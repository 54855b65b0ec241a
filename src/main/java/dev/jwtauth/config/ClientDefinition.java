package dev.jwtauth.config;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A client defined in configuration ({@code auth.clients} and {@code auth.client.<id>.*}). The
 * secret never appears in {@link #toString()}.
 *
 * @param secret null for a public client
 * @param accessTokenTtl null for the service's default
 * @param claims its claim set ({@code auth.client.<id>.claims}), null for the default
 * @param revocationFeed may read the revocation feed ({@code auth.client.<id>.revocation-feed})
 * @param name its display name ({@code .name}), or null
 * @param redirectUris {@code .redirect-uris}
 * @param postLogoutRedirectUris {@code .post-logout-redirect-uris}
 */
public record ClientDefinition(
    String id,
    String secret,
    Set<String> grantTypes,
    Set<String> scopes,
    List<String> audiences,
    Set<String> roles,
    Duration accessTokenTtl,
    Set<String> claims,
    boolean revocationFeed,
    String name,
    List<String> redirectUris,
    List<String> postLogoutRedirectUris) {

  public ClientDefinition {
    grantTypes = Set.copyOf(grantTypes);
    scopes = Set.copyOf(scopes);
    audiences = List.copyOf(audiences);
    roles = Set.copyOf(roles);
    claims = claims == null ? null : Set.copyOf(claims);
    redirectUris = List.copyOf(redirectUris);
    postLogoutRedirectUris = List.copyOf(postLogoutRedirectUris);
  }

  @Override
  public String toString() {
    return "ClientDefinition["
        + id
        + ", grants "
        + grantTypes
        + ", scopes "
        + scopes
        + (secret == null ? "" : ", secret hidden")
        + "]";
  }
}
