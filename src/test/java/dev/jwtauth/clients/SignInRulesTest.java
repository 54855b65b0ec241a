package dev.jwtauth.clients;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignInRulesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://app.example.com/callback",
        "https://app.example.com:8443/cb?tenant=a",
        "http://127.0.0.1:8080/demo/",
        "http://127.0.0.2/cb",
        "http://[::1]:9000/cb",
        "http://localhost:3000/",
        "HTTPS://APP.EXAMPLE.COM/cb"
      })
  void anHttpsAddressOrHttpOnALoopbackHostIsAccepted(String uri) {
    assertDoesNotThrow(() -> SignInRules.check(codeClient(List.of(uri), List.of(uri))));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://app.example.com/callback", // http beyond the loopback
        "http://127.0.0.1.example.com/cb", // a name that starts like a loopback address
        "https://app.example.com/cb#top", // a fragment
        "https://app.example.com/cb#",
        "https://*.example.com/cb", // a wildcard
        "https://app.example.com/*",
        "https://user:pw@app.example.com/cb", // user information
        "/relative/cb",
        "com.example.app:/oauth2redirect", // not http(s)
        "javascript:alert(1)",
        "ftp://app.example.com/cb",
        "https:///no-host",
        "https://app.example.com/a b",
        ""
      })
  void anyOtherAddressIsRefused(String uri) {
    assertThrows(
        InvalidClientDefinitionException.class,
        () -> SignInRules.check(codeClient(List.of(uri), List.of())));
    assertThrows(
        InvalidClientDefinitionException.class,
        () -> SignInRules.check(codeClient(List.of("https://app.example.com/cb"), List.of(uri))),
        "the same rules for post-logout addresses");
  }

  @Test
  void anAddressLongerThan2000CharactersIsRefused() {
    String uri = "https://app.example.com/" + "a".repeat(2000);
    assertThrows(
        InvalidClientDefinitionException.class,
        () -> SignInRules.check(codeClient(List.of(uri), List.of())));
  }

  @Test
  void theCodeGrantNeedsARedirectUriAndRedirectUrisNeedTheCodeGrant() {
    InvalidClientDefinitionException none =
        assertThrows(
            InvalidClientDefinitionException.class,
            () -> SignInRules.check(codeClient(List.of(), List.of())));
    assertTrue(none.getMessage().contains("redirect_uri"), none.getMessage());
    assertThrows(
        InvalidClientDefinitionException.class,
        () ->
            SignInRules.check(
                client(
                    Set.of(Client.CLIENT_CREDENTIALS),
                    new SignIn(null, List.of("https://app.example.com/cb"), List.of()))));
    assertThrows(
        InvalidClientDefinitionException.class,
        () ->
            SignInRules.check(
                client(
                    Set.of(Client.CLIENT_CREDENTIALS),
                    new SignIn(null, List.of(), List.of("https://app.example.com/bye")))));
    assertDoesNotThrow(
        () -> SignInRules.check(client(Set.of(Client.CLIENT_CREDENTIALS), SignIn.NONE)));
  }

  @Test
  void theOriginOfARedirectUriIsWhatABrowserSendsInOrigin() {
    assertEquals("https://shop.example.com", SignInRules.origin("https://Shop.Example.com/cb?x=1"));
    assertEquals("https://shop.example.com", SignInRules.origin("https://shop.example.com:443/cb"));
    assertEquals(
        "https://shop.example.com:8443", SignInRules.origin("https://shop.example.com:8443/cb"));
    assertEquals("http://127.0.0.1:9090", SignInRules.origin("http://127.0.0.1:9090/cb"));
    assertEquals("http://[::1]:9090", SignInRules.origin("http://[::1]:9090/cb"));
  }

  @Test
  void atMostTwentyAddresses() {
    List<String> many =
        Collections.nCopies(21, "").stream()
            .map(x -> "https://app.example.com/" + Math.random())
            .toList();
    assertThrows(
        InvalidClientDefinitionException.class,
        () -> SignInRules.check(codeClient(many, List.of())));
    assertDoesNotThrow(() -> SignInRules.check(codeClient(many.subList(0, 20), List.of())));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "tab\there", "new\nline"})
  void aNameIsPrintableText(String name) {
    assertThrows(
        InvalidClientDefinitionException.class,
        () ->
            SignInRules.check(
                client(
                    Set.of(Client.AUTHORIZATION_CODE),
                    new SignIn(name, List.of("https://app.example.com/cb"), List.of()))));
  }

  @Test
  void aNameOfAHundredCharactersAtMost() {
    SignIn hundred = new SignIn("n".repeat(100), List.of("https://app.example.com/cb"), List.of());
    SignIn more = new SignIn("n".repeat(101), List.of("https://app.example.com/cb"), List.of());
    assertDoesNotThrow(() -> SignInRules.check(client(Set.of(Client.AUTHORIZATION_CODE), hundred)));
    assertThrows(
        InvalidClientDefinitionException.class,
        () -> SignInRules.check(client(Set.of(Client.AUTHORIZATION_CODE), more)));
  }

  private static Client codeClient(List<String> redirectUris, List<String> postLogout) {
    return client(
        Set.of(Client.AUTHORIZATION_CODE, Client.REFRESH_TOKEN),
        new SignIn("Shop", redirectUris, postLogout));
  }

  private static Client client(Set<String> grants, SignIn signIn) {
    return new Client(
        "shop",
        true,
        grants,
        Set.of("openid"),
        List.of("api"),
        Set.of(),
        null,
        null,
        false,
        signIn);
  }
}
