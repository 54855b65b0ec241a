package dev.jwtauth.clients;

import java.util.List;

/**
 * How a client signs users in through the browser (the authorization code flow): the name its users
 * see on the login page, where the browser is sent back with a code, and where after a logout.
 * Compared as exact strings.
 *
 * @param name the display name, or null (the client id is shown)
 * @param redirectUris where {@code /oauth2/authorize} may send the browser back
 * @param postLogoutRedirectUris where {@code /oauth2/logout} may send it
 */
public record SignIn(String name, List<String> redirectUris, List<String> postLogoutRedirectUris) {

  /** A client that signs no one in through the browser. */
  public static final SignIn NONE = new SignIn(null, List.of(), List.of());

  public SignIn {
    redirectUris = redirectUris == null ? List.of() : redirectUris.stream().distinct().toList();
    postLogoutRedirectUris =
        postLogoutRedirectUris == null
            ? List.of()
            : postLogoutRedirectUris.stream().distinct().toList();
  }
}
