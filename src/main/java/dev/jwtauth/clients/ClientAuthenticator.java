package dev.jwtauth.clients;

import dev.jwtauth.config.AuthSettings;
import dev.jwtauth.config.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * Who is calling an OAuth endpoint (RFC 6749 §2.3): a confidential client by {@code client_secret_basic}
 * or {@code client_secret_post}, or the public client {@code web} by its {@code client_id}.
 */
@ApplicationScoped
public class ClientAuthenticator {

  public static final String WEB_CLIENT = "web";

  /** An authenticated client. */
  public record Client(String id, boolean confidential) {}

  @Inject AuthSettings settings;
  @Inject Secrets secrets;

  /**
   * @param authorization the Authorization header, or null
   * @param formClientId  client_id from the form, or null
   * @param formSecret    client_secret from the form, or null
   * @return the client, or empty when authentication failed (answer 401 invalid_client)
   */
  public Optional<Client> authenticate(String authorization, String formClientId, String formSecret) {
    if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        return Optional.empty();
      }
      // RFC 6749 §2.3.1: id and secret are form-urlencoded inside the Basic credentials.
      return confidential(urlDecode(decoded.substring(0, colon)), urlDecode(decoded.substring(colon + 1)));
    }
    if (formSecret != null) {
      return confidential(formClientId, formSecret);
    }
    if (WEB_CLIENT.equals(formClientId)) {
      return Optional.of(new Client(WEB_CLIENT, false));
    }
    return Optional.empty();
  }

  private Optional<Client> confidential(String id, String secret) {
    Optional<String> expected = secrets.resourceServerClientSecret(settings.embedded());
    boolean known = id != null && id.equals(settings.resourceServerClientId()) && expected.isPresent();
    // Compare even when the id is unknown, so that timing does not tell which ids exist.
    byte[] given = (secret == null ? "" : secret).getBytes(StandardCharsets.UTF_8);
    byte[] wanted = expected.orElse("\u0000never").getBytes(StandardCharsets.UTF_8);
    boolean matches = MessageDigest.isEqual(given, wanted);
    return known && matches ? Optional.of(new Client(id, true)) : Optional.empty();
  }

  private static String urlDecode(String text) {
    return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

}
