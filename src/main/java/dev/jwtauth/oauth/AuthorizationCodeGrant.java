package dev.jwtauth.oauth;

import dev.jwtauth.authorize.CodeExchange;
import dev.jwtauth.clients.Client;
import dev.jwtauth.token.TokenGrant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** RFC 6749 §4.1.3: the code of the browser sign-in, exchanged for tokens. */
@ApplicationScoped
public class AuthorizationCodeGrant implements Grant {

  @Inject CodeExchange exchange;

  @Override
  public String type() {
    return Client.AUTHORIZATION_CODE;
  }

  @Override
  public TokenGrant issue(Client client, TokenParameters form) {
    return exchange.exchange(
        client,
        form.required("code"),
        form.required("redirect_uri"),
        form.optional("code_verifier"));
  }
}
