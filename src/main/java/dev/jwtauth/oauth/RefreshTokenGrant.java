package dev.jwtauth.oauth;

import dev.jwtauth.clients.Client;
import dev.jwtauth.crypto.OpaqueValues;
import dev.jwtauth.refresh.RefreshService;
import dev.jwtauth.token.InvalidGrantException;
import dev.jwtauth.token.TokenGrant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** RFC 6749 §6: rotation by the same service as {@code /auth/refresh}. */
@ApplicationScoped
public class RefreshTokenGrant implements Grant {

  @Inject RefreshService sessions;

  @Override
  public String type() {
    return Client.REFRESH_TOKEN;
  }

  /**
   * A {@code scope} parameter is not used: the session keeps the scopes granted at login (RFC 6749
   * §6 treats an omitted scope the same way), so a refresh never widens anything.
   */
  @Override
  public TokenGrant issue(Client client, TokenParameters form) {
    String refreshToken = form.required("refresh_token");
    if (refreshToken.length() > OpaqueValues.MAX_LENGTH) {
      throw new InvalidGrantException("The refresh token is not valid");
    }
    return sessions.refresh(refreshToken, client.id(), client.accessTokenTtl());
  }
}
