package dev.jwtauth.oauth;

import dev.jwtauth.clients.Client;
import dev.jwtauth.metrics.AuthMetrics;
import dev.jwtauth.token.AccessTokenIssuer;
import dev.jwtauth.token.IssuedAccessToken;
import dev.jwtauth.token.ScopePolicy;
import dev.jwtauth.token.TokenGrant;
import dev.jwtauth.token.TokenRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;

/** RFC 6749 §4.4: a confidential client acts for itself. */
@ApplicationScoped
public class ClientCredentialsGrant implements Grant {

  @Inject AccessTokenIssuer issuer;
  @Inject AuthMetrics metrics;

  @Override
  public String type() {
    return Client.CLIENT_CREDENTIALS;
  }

  /** The client acts for itself: {@code sub} is its id, and it gets no refresh token. */
  @Override
  public TokenGrant issue(Client client, TokenParameters form) {
    Set<String> scopes = ScopePolicy.narrow(client.scopes(), form.optional("scope"), "this client");
    IssuedAccessToken access =
        issuer.issue(
            new TokenRequest(
                client.id(),
                client.id(),
                client.roles(),
                scopes,
                client.id(),
                null,
                null,
                client.accessTokenTtl(),
                null,
                null,
                null));
    metrics.tokenIssued(type(), client.id());
    return TokenGrant.accessOnly(access, null);
  }
}
