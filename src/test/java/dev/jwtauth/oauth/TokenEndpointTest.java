package dev.jwtauth.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSASigner;
import dev.jwtauth.clients.Client;
import dev.jwtauth.keys.ActiveSigner;
import dev.jwtauth.metrics.AuthMetrics;
import dev.jwtauth.token.AccessTokenIssuer;
import dev.jwtauth.token.InvalidGrantException;
import dev.jwtauth.token.InvalidScopeException;
import dev.jwtauth.token.TestIssuer;
import dev.jwtauth.token.TokenGrant;
import dev.jwtauth.verify.TestTokens;
import dev.jwtauth.verify.VerifiedToken;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The token endpoint's dispatch and RFC 6749 §5.2 errors, and the grants that need no database. */
class TokenEndpointTest {

  private static final Client SERVICE =
      new Client(
          "batch",
          true,
          Set.of(Client.CLIENT_CREDENTIALS),
          Set.of("tasks:read", "reports:read"),
          List.of("api"),
          Set.of("user"),
          Duration.ofMinutes(2));

  private final TokenEndpoint endpoint = new TokenEndpoint();
  private final ClientCredentialsGrant clientCredentials = new ClientCredentialsGrant();

  TokenEndpointTest() {
    clientCredentials.issuer =
        new AccessTokenIssuer(
            TestIssuer.settings(),
            () -> new ActiveSigner(TestTokens.KEY.getKeyID(), JWSAlgorithm.RS256, signer()),
            TestTokens.CLOCK);
    clientCredentials.metrics = new AuthMetrics();
    endpoint.register(clientCredentials);
    endpoint.register(new Failing(Client.PASSWORD, new InvalidGrantException("wrong password")));
    endpoint.register(new Failing(Client.REFRESH_TOKEN, new InvalidScopeException("too wide")));
  }

  @Test
  void anUnknownGrantTypeIsUnsupported() {
    assertOAuthError(400, "unsupported_grant_type", Map.of("grant_type", List.of("implicit")));
  }

  @Test
  void aGrantTypeTheClientMayNotUseIsUnauthorized() {
    Client web =
        new Client("web", false, Set.of(Client.PASSWORD), Set.of(), List.of("api"), Set.of(), null);
    OAuthException e =
        assertThrows(
            OAuthException.class,
            () -> token(web, Map.of("grant_type", List.of(Client.CLIENT_CREDENTIALS))));
    assertEquals("unauthorized_client", e.error());
  }

  @Test
  void aMissingOrRepeatedGrantTypeIsAnInvalidRequest() {
    assertOAuthError(400, "invalid_request", Map.of());
    assertOAuthError(400, "invalid_request", Map.of("grant_type", List.of("password", "password")));
  }

  @Test
  void refusalsBecomeRfc6749Errors() {
    Client both =
        new Client(
            "both",
            false,
            Set.of(Client.PASSWORD, Client.REFRESH_TOKEN),
            Set.of(),
            List.of("api"),
            Set.of(),
            null);
    OAuthException grant =
        assertThrows(
            OAuthException.class,
            () -> token(both, Map.of("grant_type", List.of(Client.PASSWORD))));
    assertEquals(
        400, grant.status(), "RFC 6749 §5.2: invalid_grant is a 400 at the token endpoint");
    assertEquals("invalid_grant", grant.error());
    OAuthException scope =
        assertThrows(
            OAuthException.class,
            () -> token(both, Map.of("grant_type", List.of(Client.REFRESH_TOKEN))));
    assertEquals("invalid_scope", scope.error());
  }

  @Test
  void clientCredentialsActForTheClientWithinItsScopes() throws Exception {
    TokenGrant grant =
        token(
            SERVICE,
            Map.of(
                "grant_type", List.of(Client.CLIENT_CREDENTIALS), "scope", List.of("tasks:read")));
    assertNull(grant.refreshToken(), "no refresh token for client_credentials");
    assertEquals(120, grant.access().expiresInSeconds(), "the client's own lifetime");
    VerifiedToken token = TestTokens.verifier().verify(grant.access().token());
    assertEquals("batch", token.subject());
    assertEquals(Set.of("tasks:read"), token.scopes());
    assertEquals(Set.of("user"), token.groups());

    TokenGrant all = token(SERVICE, Map.of("grant_type", List.of(Client.CLIENT_CREDENTIALS)));
    assertEquals(
        "reports:read tasks:read", all.access().scope(), "no scope asked: all it may hold");

    OAuthException wider =
        assertThrows(
            OAuthException.class,
            () ->
                token(
                    SERVICE,
                    Map.of(
                        "grant_type", List.of(Client.CLIENT_CREDENTIALS),
                        "scope", List.of("admin"))));
    assertEquals("invalid_scope", wider.error());
  }

  @Test
  void parametersAreNeitherRepeatedNorHuge() {
    TokenParameters form =
        new TokenParameters(
            Map.of(
                "a", List.of("x", "y"),
                "b", List.of("z".repeat(16 * 1024 + 1)),
                "c", List.of(""),
                "audience", List.of("one", " ", "two ")),
            "192.0.2.1");
    assertEquals(
        "invalid_request", assertThrows(OAuthException.class, () -> form.optional("a")).error());
    assertEquals(
        "invalid_request", assertThrows(OAuthException.class, () -> form.optional("b")).error());
    assertNull(form.optional("c"), "an empty parameter is an absent one");
    assertEquals(List.of("one", "two"), form.all("audience"));
  }

  private TokenGrant token(Client client, Map<String, List<String>> form) {
    return endpoint.token(client, form, "192.0.2.1");
  }

  private void assertOAuthError(int status, String error, Map<String, List<String>> form) {
    OAuthException e = assertThrows(OAuthException.class, () -> token(SERVICE, form));
    assertEquals(status, e.status());
    assertEquals(error, e.error());
    assertEquals("no-cache", e.headers().get("Pragma"));
  }

  private static RSASSASigner signer() {
    try {
      return new RSASSASigner(TestTokens.KEY);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A grant that refuses every request the way a real one would. */
  private record Failing(String type, RuntimeException refusal) implements Grant {
    @Override
    public TokenGrant issue(Client client, TokenParameters form) {
      throw refusal;
    }
  }
}
