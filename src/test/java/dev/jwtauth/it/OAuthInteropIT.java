package dev.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResourceOwnerPasswordCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.TokenTypeURI;
import com.nimbusds.oauth2.sdk.token.TypelessAccessToken;
import com.nimbusds.oauth2.sdk.tokenexchange.TokenExchangeGrant;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Interoperability: an off-the-shelf OAuth 2.0 client library (Nimbus OAuth 2.0 SDK) — not
 * hand-built requests — drives the token, revocation and introspection endpoints of the real WAR.
 */
class OAuthInteropIT extends ServiceIT {

  private static final ClientID WEB = new ClientID("web");
  private static final ClientSecretBasic SERVICE =
      new ClientSecretBasic(new ClientID("demo-service"), new Secret("demo-service-secret"));

  String username;
  URI tokenEndpoint;
  URI revocationEndpoint;
  URI introspectionEndpoint;

  @BeforeEach
  void setUp() throws Exception {
    username = "interop-" + UUID.randomUUID();
    http.createUser(username, PASSWORD, "user");
    // The library reads our RFC 8414 metadata; the endpoints are then reached on the test's address
    // (the issuer names the configured public address, not Arquillian's random port).
    AuthorizationServerMetadata metadata =
        AuthorizationServerMetadata.parse(
            http.get(".well-known/oauth-authorization-server").body());
    assertTrue(metadata.getGrantTypes().contains(GrantType.PASSWORD));
    assertTrue(metadata.getGrantTypes().contains(GrantType.CLIENT_CREDENTIALS));
    assertTrue(metadata.getGrantTypes().contains(GrantType.TOKEN_EXCHANGE));
    tokenEndpoint = onTestAddress(metadata.getTokenEndpointURI());
    revocationEndpoint = onTestAddress(metadata.getRevocationEndpointURI());
    introspectionEndpoint = onTestAddress(metadata.getIntrospectionEndpointURI());
  }

  @Test
  void passwordThenRefreshThenRevokeThenIntrospect() throws Exception {
    AccessTokenResponse login =
        success(
            new TokenRequest(
                tokenEndpoint,
                WEB,
                new ResourceOwnerPasswordCredentialsGrant(username, new Secret(PASSWORD)),
                new Scope("tasks:read")));
    AccessToken access = login.getTokens().getAccessToken();
    RefreshToken refresh = login.getTokens().getRefreshToken();
    assertNotNull(refresh);
    assertEquals(new Scope("tasks:read"), access.getScope());
    assertEquals(200, http.get("api/me", access.getValue()).statusCode());

    AccessTokenResponse refreshed =
        success(new TokenRequest(tokenEndpoint, WEB, new RefreshTokenGrant(refresh)));
    RefreshToken rotated = refreshed.getTokens().getRefreshToken();
    assertFalse(rotated.equals(refresh), "rotated on use");

    TokenIntrospectionSuccessResponse active = introspect(refreshed.getTokens().getAccessToken());
    assertTrue(active.isActive());
    assertEquals(username, active.getUsername());
    assertEquals(new ClientID("web"), active.getClientID());

    HTTPResponse revoked =
        new TokenRevocationRequest(revocationEndpoint, WEB, rotated).toHTTPRequest().send();
    assertEquals(200, revoked.getStatusCode());
    TokenResponse afterRevocation =
        TokenResponse.parse(
            new TokenRequest(tokenEndpoint, WEB, new RefreshTokenGrant(rotated))
                .toHTTPRequest()
                .send());
    assertFalse(afterRevocation.indicatesSuccess());
    assertEquals(
        "invalid_grant", ((TokenErrorResponse) afterRevocation).getErrorObject().getCode());
    // revoking the refresh token ended its session, and with it the session's access tokens
    assertFalse(introspect(refreshed.getTokens().getAccessToken()).isActive());
  }

  @Test
  void clientCredentialsAndAccessTokenRevocation() throws Exception {
    AccessTokenResponse response =
        success(new TokenRequest(tokenEndpoint, SERVICE, new ClientCredentialsGrant(), null));
    assertNull(response.getTokens().getRefreshToken());
    AccessToken access = response.getTokens().getAccessToken();
    TokenIntrospectionSuccessResponse active = introspect(access);
    assertTrue(active.isActive());
    assertEquals("demo-service", active.getSubject().getValue());

    HTTPResponse revoked =
        new TokenRevocationRequest(revocationEndpoint, SERVICE, access).toHTTPRequest().send();
    assertEquals(200, revoked.getStatusCode());
    assertFalse(introspect(access).isActive());
  }

  @Test
  void tokenExchangeWithClientSecretPost() throws Exception {
    AccessToken subject =
        success(
                new TokenRequest(
                    tokenEndpoint,
                    WEB,
                    new ResourceOwnerPasswordCredentialsGrant(username, new Secret(PASSWORD)),
                    null))
            .getTokens()
            .getAccessToken();
    ClientSecretPost service =
        new ClientSecretPost(new ClientID("demo-service"), new Secret("demo-service-secret"));
    TokenExchangeGrant grant =
        new TokenExchangeGrant(
            new TypelessAccessToken(subject.getValue()), TokenTypeURI.ACCESS_TOKEN);
    AccessTokenResponse exchanged =
        success(new TokenRequest(tokenEndpoint, service, grant, new Scope("tasks:read")));
    assertEquals(
        TokenTypeURI.ACCESS_TOKEN, exchanged.getTokens().getAccessToken().getIssuedTokenType());
    assertNull(exchanged.getTokens().getRefreshToken());
    TokenIntrospectionSuccessResponse introspection =
        introspect(exchanged.getTokens().getAccessToken());
    assertTrue(introspection.isActive());
    assertEquals(username, introspection.getUsername());
    assertEquals(new Scope("tasks:read"), introspection.getScope());
  }

  private AccessTokenResponse success(TokenRequest request) throws Exception {
    HTTPResponse http = request.toHTTPRequest().send();
    TokenResponse response = TokenResponse.parse(http);
    assertTrue(response.indicatesSuccess(), () -> http.getStatusCode() + " " + http.getBody());
    assertEquals("no-store", http.getCacheControl());
    return response.toSuccessResponse();
  }

  private TokenIntrospectionSuccessResponse introspect(AccessToken token) throws Exception {
    TokenIntrospectionResponse response =
        TokenIntrospectionResponse.parse(
            new TokenIntrospectionRequest(introspectionEndpoint, SERVICE, token)
                .toHTTPRequest()
                .send());
    assertTrue(response.indicatesSuccess());
    return response.toSuccessResponse();
  }

  private URI onTestAddress(URI endpoint) {
    return http.uri(endpoint.getPath());
  }
}
