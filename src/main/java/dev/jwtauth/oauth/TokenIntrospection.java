package dev.jwtauth.oauth;

import dev.jwtauth.clients.Client;
import dev.jwtauth.clients.InvalidClientException;
import dev.jwtauth.verify.InvalidTokenException;
import dev.jwtauth.verify.TokenVerifier;
import dev.jwtauth.verify.VerifiedToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * RFC 7662: a token is active exactly when the bearer mechanism would accept it now (the same
 * verifier, revocations included). Only confidential clients may ask.
 */
@ApplicationScoped
public class TokenIntrospection {

  @Inject TokenVerifier verifier;

  /**
   * @return the verified token, or empty when it is not active (whatever the reason: RFC 7662 §2.2
   *     says nothing more)
   * @throws InvalidClientException for a public client
   */
  public Optional<VerifiedToken> introspect(Client client, String token) {
    if (!client.confidential()) {
      throw new InvalidClientException();
    }
    try {
      return Optional.of(verifier.verify(token));
    } catch (InvalidTokenException notActive) {
      return Optional.empty();
    }
  }
}
