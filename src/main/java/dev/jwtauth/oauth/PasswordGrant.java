package dev.jwtauth.oauth;

import dev.jwtauth.clients.Client;
import dev.jwtauth.login.LoginService;
import dev.jwtauth.token.TokenGrant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** RFC 6749 §4.3: the login API's own service behind the standard door. */
@ApplicationScoped
public class PasswordGrant implements Grant {

  @Inject LoginService logins;

  @Override
  public String type() {
    return Client.PASSWORD;
  }

  @Override
  public TokenGrant issue(Client client, TokenParameters form) {
    String username = form.required("username");
    String password = form.required("password");
    return logins.login(
        username, password.toCharArray(), form.optional("scope"), client, form.clientAddress());
  }
}
