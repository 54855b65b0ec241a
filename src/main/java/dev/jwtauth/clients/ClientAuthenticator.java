package dev.jwtauth.clients;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Who is calling an OAuth endpoint (RFC 6749 §2.3): a confidential client by {@code
 * client_secret_basic} or {@code client_secret_post}, or a registered public client by its {@code
 * client_id} alone.
 */
@ApplicationScoped
public class ClientAuthenticator {

  @Inject ClientRegistry registry;

  /**
   * @param authorization the Authorization header, or null
   * @param formClientId client_id from the form, or null
   * @param formSecret client_secret from the form, or null
   * @return the client, or empty when authentication failed (answer 401 invalid_client)
   */
  public Optional<Client> authenticate(
      String authorization, String formClientId, String formSecret) {
    if (BasicCredentials.isBasic(authorization)) {
      Optional<BasicCredentials> basic = BasicCredentials.parse(authorization);
      if (basic.isEmpty() || (formClientId != null && !formClientId.equals(basic.get().id()))) {
        return Optional.empty(); // malformed, or two different identities in one request
      }
      return registry.authenticate(basic.get().id(), basic.get().secret());
    }
    if (formSecret != null) {
      return registry.authenticate(formClientId, formSecret);
    }
    return registry.find(formClientId).filter(client -> !client.confidential());
  }
}
