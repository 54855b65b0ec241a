package dev.jwtauth.clients;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
    if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      String decoded;
      try {
        decoded =
            new String(
                Base64.getDecoder().decode(authorization.substring(6).trim()),
                StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        return Optional.empty();
      }
      String id = urlDecode(decoded.substring(0, colon));
      if (formClientId != null && !formClientId.equals(id)) {
        return Optional.empty(); // two different identities in one request
      }
      // RFC 6749 §2.3.1: id and secret are form-urlencoded inside the Basic credentials.
      return registry.authenticate(id, urlDecode(decoded.substring(colon + 1)));
    }
    if (formSecret != null) {
      return registry.authenticate(formClientId, formSecret);
    }
    return registry.find(formClientId).filter(client -> !client.confidential());
  }

  private static String urlDecode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return "";
    }
  }
}
