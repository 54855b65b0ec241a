package dev.jwtauth.oauth;

import dev.jwtauth.clients.Client;
import dev.jwtauth.token.InvalidGrantException;
import dev.jwtauth.token.InvalidScopeException;
import dev.jwtauth.token.TokenGrant;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /oauth2/token} (RFC 6749, RFC 8693): checks the grant type against the client, hands
 * the request to that {@link Grant}, and turns its refusals into RFC 6749 §5.2 errors.
 */
@ApplicationScoped
public class TokenEndpoint {

  @Inject @Any Instance<Grant> available;

  private final Map<String, Grant> grants = new HashMap<>();

  @PostConstruct
  void collectGrants() {
    available.forEach(this::register);
  }

  void register(Grant grant) {
    grants.put(grant.type(), grant);
  }

  /**
   * @param client the authenticated client
   * @param parameters the form, each parameter with all its values
   * @param clientAddress where the request comes from
   */
  public TokenGrant token(
      Client client, Map<String, List<String>> parameters, String clientAddress) {
    TokenParameters form = new TokenParameters(parameters, clientAddress);
    String grantType = form.required("grant_type");
    Grant grant = grants.get(grantType);
    if (grant == null) {
      throw new OAuthException(
          400, "unsupported_grant_type", "The grant type " + grantType + " is not supported");
    }
    if (!client.mayUse(grantType)) {
      throw new OAuthException(
          400, "unauthorized_client", "The client may not use the grant type " + grantType);
    }
    try {
      return grant.issue(client, form);
    } catch (InvalidGrantException e) {
      throw new OAuthException(400, "invalid_grant", e.getMessage());
    } catch (InvalidScopeException e) {
      throw new OAuthException(400, "invalid_scope", e.getMessage());
    }
  }
}
