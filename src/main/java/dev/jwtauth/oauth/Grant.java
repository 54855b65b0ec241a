package dev.jwtauth.oauth;

import dev.jwtauth.clients.Client;
import dev.jwtauth.token.TokenGrant;

/** One grant type of the token endpoint (RFC 6749 §4, RFC 8693). */
public interface Grant {

  /** The {@code grant_type} value it answers. */
  String type();

  /**
   * @param client the authenticated client, already known to be allowed this grant type
   * @param form the request's parameters
   */
  TokenGrant issue(Client client, TokenParameters form);
}
