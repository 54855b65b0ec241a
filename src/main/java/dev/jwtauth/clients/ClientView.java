package dev.jwtauth.clients;

import java.time.Instant;

/** A registered client as the edge sees it: its definition and when it was registered. */
public record ClientView(Client client, Instant createdAt) {

  static ClientView of(OAuthClient client) {
    return new ClientView(client.toClient(), client.createdAt());
  }
}
