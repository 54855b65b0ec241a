package dev.jwtauth.clients;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A registered OAuth client, as the token endpoint sees it.
 *
 * @param id the {@code client_id}
 * @param confidential authenticates with a secret; public clients only name themselves
 * @param grantTypes the grant types it may use at the token endpoint
 * @param scopes the most it may ask for (a user's own limits still apply)
 * @param audiences the audiences it may ask for in a token exchange
 * @param roles the {@code groups} of its client_credentials tokens (often none)
 * @param accessTokenTtl its access-token lifetime, or null for the service's default
 * @param claims what its access tokens carry beyond the fixed claims ({@link ClaimSet}); never null
 *     ({@link ClaimSet#DEFAULT} when none was given)
 * @param revocationFeed may read the revocation feed ({@code GET /oauth2/revocations});
 *     confidential clients only
 * @param signIn its browser sign-in (name, redirect URIs); never null ({@link SignIn#NONE})
 */
public record Client(
    String id,
    boolean confidential,
    Set<String> grantTypes,
    Set<String> scopes,
    List<String> audiences,
    Set<String> roles,
    Duration accessTokenTtl,
    Set<String> claims,
    boolean revocationFeed,
    SignIn signIn) {

  public static final String WEB = "web";

  public static final String PASSWORD = "password";
  public static final String REFRESH_TOKEN = "refresh_token";
  public static final String CLIENT_CREDENTIALS = "client_credentials";
  public static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
  public static final String AUTHORIZATION_CODE = "authorization_code";

  /** Every grant type a client may be registered with. */
  public static final Set<String> GRANT_TYPES =
      Set.of(PASSWORD, REFRESH_TOKEN, CLIENT_CREDENTIALS, TOKEN_EXCHANGE, AUTHORIZATION_CODE);

  public Client {
    grantTypes = Set.copyOf(grantTypes);
    scopes = Set.copyOf(scopes);
    audiences = List.copyOf(audiences);
    roles = Set.copyOf(roles);
    claims = claims == null ? ClaimSet.DEFAULT : Set.copyOf(claims);
    signIn = signIn == null ? SignIn.NONE : signIn;
  }

  /** A client with the default claim set. */
  public Client(
      String id,
      boolean confidential,
      Set<String> grantTypes,
      Set<String> scopes,
      List<String> audiences,
      Set<String> roles,
      Duration accessTokenTtl) {
    this(
        id,
        confidential,
        grantTypes,
        scopes,
        audiences,
        roles,
        accessTokenTtl,
        null,
        false,
        SignIn.NONE);
  }

  /** The name shown to its users: its display name, or its id. */
  public String displayName() {
    return signIn.name() != null ? signIn.name() : id;
  }

  public boolean mayUse(String grantType) {
    return grantTypes.contains(grantType);
  }
}
