package dev.jwtauth.authorize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtauth.authorize.AuthorizationRequests.ErrorPage;
import dev.jwtauth.authorize.AuthorizationRequests.ErrorRedirect;
import dev.jwtauth.authorize.AuthorizationRequests.Outcome;
import dev.jwtauth.authorize.AuthorizationRequests.Valid;
import dev.jwtauth.clients.Client;
import dev.jwtauth.clients.SignIn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuthorizationRequestsTest {

  private static final String CALLBACK = "https://spa.example.com/cb";
  private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

  private static final Client SPA =
      client("spa", false, Set.of(Client.AUTHORIZATION_CODE, Client.REFRESH_TOKEN));
  private static final Client WEB_APP =
      client("webapp", true, Set.of(Client.AUTHORIZATION_CODE, Client.REFRESH_TOKEN));
  private static final Client NO_CODE = client("batch", true, Set.of(Client.CLIENT_CREDENTIALS));

  @Test
  void aPublicClientWithPkceIsValid() {
    AuthorizationRequest request = valid(spaRequest());
    assertEquals(SPA, request.client());
    assertEquals(CALLBACK, request.redirectUri());
    assertEquals(Set.of("openid", "profile"), request.scopes());
    assertEquals("xyz", request.state());
    assertEquals(CHALLENGE, request.codeChallenge());
    assertTrue(request.openid());
  }

  @Test
  void aConfidentialClientMaySendANonceInsteadOfPkce() {
    Map<String, List<String>> params = base("webapp");
    params.put("nonce", List.of("n-0S6_WzA2Mj"));
    AuthorizationRequest request = valid(params);
    assertNull(request.codeChallenge());
    assertEquals("n-0S6_WzA2Mj", request.nonce());
  }

  @Test
  void anUnknownClientOrRedirectUriGetsAnErrorPageNeverARedirect() {
    Map<String, List<String>> unknown = spaRequest();
    unknown.put("client_id", List.of("nobody"));
    assertInstanceOf(ErrorPage.class, check(unknown));
    Map<String, List<String>> noClient = spaRequest();
    noClient.remove("client_id");
    assertInstanceOf(ErrorPage.class, check(noClient));
    for (String uri :
        new String[] {
          "https://evil.example.com/cb",
          CALLBACK + "/",
          CALLBACK + "?x=1",
          "HTTPS://spa.example.com/cb",
          ""
        }) {
      Map<String, List<String>> params = spaRequest();
      params.put("redirect_uri", List.of(uri));
      assertInstanceOf(ErrorPage.class, check(params), uri);
    }
    Map<String, List<String>> noRedirect = spaRequest();
    noRedirect.remove("redirect_uri");
    assertInstanceOf(ErrorPage.class, check(noRedirect));
    Map<String, List<String>> twice = spaRequest();
    twice.put("redirect_uri", List.of(CALLBACK, CALLBACK));
    assertInstanceOf(ErrorPage.class, check(twice));
  }

  @ParameterizedTest(name = "{0}={1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "response_type|token|unsupported_response_type",
        "response_type||invalid_request",
        "scope|openid admin|invalid_scope",
        "scope|openid \"quoted\"|invalid_scope",
        "code_challenge_method|plain|invalid_request",
        "code_challenge_method||invalid_request",
        "code_challenge|too-short|invalid_request",
        "prompt|none login|invalid_request",
        "prompt|sometimes|invalid_request",
        "max_age|-1|invalid_request",
        "max_age|soon|invalid_request"
      })
  void anyOtherErrorGoesBackToTheClientWithItsState(String name, String value, String error) {
    Map<String, List<String>> params = spaRequest();
    if (value == null) {
      params.remove(name);
    } else {
      params.put(name, List.of(value));
    }
    ErrorRedirect redirect = assertInstanceOf(ErrorRedirect.class, check(params));
    assertEquals(error, redirect.error());
    assertEquals(CALLBACK, redirect.redirectUri());
    assertEquals("xyz", redirect.state());
  }

  @Test
  void aPublicClientWithoutPkceIsRefusedAndSoIsAConfidentialOneWithNeitherPkceNorNonce() {
    Map<String, List<String>> spa = spaRequest();
    spa.remove("code_challenge");
    spa.remove("code_challenge_method");
    spa.put("nonce", List.of("a nonce does not replace PKCE for a public client"));
    assertEquals("invalid_request", redirect(spa).error());
    assertEquals("invalid_request", redirect(base("webapp")).error());
  }

  @Test
  void aClientWithoutTheCodeGrantIsUnauthorized() {
    assertEquals("unauthorized_client", redirect(base("batch")).error());
  }

  @Test
  void aRepeatedParameterIsInvalid() {
    Map<String, List<String>> params = spaRequest();
    params.put("scope", List.of("openid", "profile"));
    assertEquals("invalid_request", redirect(params).error());
  }

  @Test
  void promptAndMaxAgeAndLoginHintAreKept() {
    Map<String, List<String>> params = spaRequest();
    params.put("prompt", List.of("login consent"));
    params.put("max_age", List.of("0"));
    params.put("login_hint", List.of("alice"));
    AuthorizationRequest request = valid(params);
    assertEquals("login", request.prompt());
    assertEquals(0L, request.maxAge());
    assertEquals("alice", request.loginHint());
    params.put("prompt", List.of("none"));
    params.put("login_hint", List.of("x".repeat(201)));
    request = valid(params);
    assertEquals("none", request.prompt());
    assertNull(request.loginHint(), "an overlong hint is dropped");
  }

  @Test
  void anEmptyParameterCountsAsAbsent() {
    Map<String, List<String>> params = spaRequest();
    params.put("state", List.of(""));
    params.put("nonce", List.of(""));
    AuthorizationRequest request = valid(params);
    assertNull(request.state());
    assertNull(request.nonce());
  }

  private static Map<String, List<String>> spaRequest() {
    Map<String, List<String>> params = base("spa");
    params.put("code_challenge", List.of(CHALLENGE));
    params.put("code_challenge_method", List.of("S256"));
    return params;
  }

  private static Map<String, List<String>> base(String clientId) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    params.put("client_id", List.of(clientId));
    params.put("redirect_uri", List.of(CALLBACK));
    params.put("response_type", List.of("code"));
    params.put("scope", List.of("openid profile"));
    params.put("state", List.of("xyz"));
    return params;
  }

  private static Outcome check(Map<String, List<String>> params) {
    return AuthorizationRequests.check(
        params,
        id -> Optional.ofNullable(Map.of("spa", SPA, "webapp", WEB_APP, "batch", NO_CODE).get(id)));
  }

  private static AuthorizationRequest valid(Map<String, List<String>> params) {
    return assertInstanceOf(Valid.class, check(params)).request();
  }

  private static ErrorRedirect redirect(Map<String, List<String>> params) {
    return assertInstanceOf(ErrorRedirect.class, check(params));
  }

  private static Client client(String id, boolean confidential, Set<String> grants) {
    return new Client(
        id,
        confidential,
        grants,
        Set.of("openid", "profile", "email", "tasks:read"),
        List.of("api"),
        Set.of(),
        null,
        null,
        false,
        new SignIn(null, List.of(CALLBACK), List.of()));
  }
}
