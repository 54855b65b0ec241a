package dev.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtauth.it.rs.ResourceServerApplication;
import dev.jwtauth.it.rs.WhoAmIResource;
import jakarta.json.JsonObject;
import java.io.File;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A second, tiny WAR that uses Payara's built-in MicroProfile JWT — configured with nothing but our
 * JWKS URL, issuer and audience, and none of our classes — accepts our access tokens with the right
 * principal and roles, refuses them once they expire, and keeps accepting them while the signing
 * key rotates. The token service runs beside it, started by scripts/run.sh with a 20-second
 * access-token lifetime so that expiry can be watched, and a key rotation every 10 seconds.
 */
@ExtendWith(ArquillianExtension.class)
@OwnServers
@ResourceLock("arquillian") // one Arquillian container at a time
class ResourceServerIT {

  private static final long TOKEN_SECONDS = 6;
  private static final String SIGN_IN_CLIENT = "rs-web";
  private static final String SIGN_IN_CALLBACK = "http://127.0.0.1:9094/cb";

  private static ServiceProcess tokenService;
  private static String username;
  private static String password;

  @Deployment(testable = false)
  static WebArchive resourceServer() throws Exception {
    tokenService = startTokenService();
    return stockMpJwtWar("http://127.0.0.1:" + tokenService.port, "");
  }

  /**
   * The resource server WAR, configured as a consuming team would (README, "Consuming our tokens
   * with stock MP-JWT"), plus any further MP-JWT settings.
   */
  static WebArchive stockMpJwtWar(String issuer, String moreConfig) {
    String config =
        String.join(
            "\n",
            "mp.jwt.verify.publickey.location=" + issuer + "/.well-known/jwks.json",
            "mp.jwt.verify.issuer=" + issuer,
            "mp.jwt.verify.audiences=api",
            "mp.jwt.verify.clock.skew=0",
            moreConfig);
    return ShrinkWrap.create(WebArchive.class, "resource-server.war")
        .addClasses(ResourceServerApplication.class, WhoAmIResource.class)
        .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties")
        // Payara activates MP-JWT from @LoginConfig on a class CDI discovers: with the default
        // "annotated" discovery an Application subclass is not, so discover all.
        .addAsWebInfResource(
            new StringAsset(
                "<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" "
                    + "version=\"4.0\" bean-discovery-mode=\"all\"/>"),
            "beans.xml");
  }

  @AfterAll
  static void stopTokenService() throws InterruptedException {
    if (tokenService != null) {
      tokenService.close();
    }
  }

  @ArquillianResource URL base;

  @Test
  void stockMpJwtAcceptsOurTokensWithPrincipalAndRolesUntilTheyExpire() throws Exception {
    Http resourceServer = new Http(base);
    assertEquals(401, resourceServer.get("whoami").statusCode(), "no token, no entry");

    JsonObject tokens = tokenService.http.loginResponse(username, password);
    String token = tokens.getString("access_token");
    long expiresAt = Http.claims(token).getJsonNumber("exp").longValue();

    HttpResponse<String> accepted = resourceServer.get("whoami", token);
    assertEquals(200, accepted.statusCode(), accepted.body());
    JsonObject caller = Http.json(accepted);
    assertEquals(username, caller.getString("principal"), "upn is the MP-JWT principal name");
    assertEquals(Http.claims(token).getString("sub"), caller.getString("sub"));
    assertTrue(caller.getJsonArray("groups").toString().contains("\"user\""), caller.toString());
    assertTrue(caller.getBoolean("in_role_user"));

    assertEquals(
        401,
        resourceServer.get("whoami", token.substring(0, token.length() - 4) + "AAAA").statusCode(),
        "a forged signature is refused");

    // Accepted until it expires (exp is at most TOKEN_SECONDS away), then refused.
    Instant refusedAt =
        Poll.until(
            "the expired token to be refused",
            Duration.ofSeconds(TOKEN_SECONDS + 10),
            Duration.ofMillis(200),
            () -> {
              Instant sent = Instant.now();
              return resourceServer.get("whoami", token).statusCode() == 401 ? sent : null;
            },
            Objects::nonNull);
    assertTrue(
        refusedAt.getEpochSecond() >= expiresAt - 1,
        "refused only once expired: " + refusedAt + ", exp " + Instant.ofEpochSecond(expiresAt));
    assertTrue(
        expiresAt - Http.claims(token).getJsonNumber("iat").longValue() <= TOKEN_SECONDS,
        "the token lives " + TOKEN_SECONDS + " s");
  }

  /**
   * An ID token is for its client, not for APIs: stock MP-JWT configured with our audience refuses
   * it (its {@code aud} is the client's id), while the access token of the same sign-in passes.
   */
  @Test
  void stockMpJwtRefusesAnIdToken() {
    Http resourceServer = new Http(base);
    LoginPageBrowser browser = new LoginPageBrowser(tokenService.http);
    String authorize =
        "oauth2/authorize?response_type=code&scope=openid+profile+tasks%3Aread&state=s&nonce=n"
            + "&client_id="
            + SIGN_IN_CLIENT
            + "&redirect_uri="
            + URLEncoder.encode(SIGN_IN_CALLBACK, StandardCharsets.UTF_8)
            + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
            + "&code_challenge_method=S256";
    HttpResponse<String> back = browser.signIn(browser.get(authorize), username, password);
    assertEquals(302, back.statusCode(), back.body());
    HttpResponse<String> exchanged =
        tokenService.http.postForm(
            "oauth2/token",
            null,
            "grant_type",
            "authorization_code",
            "code",
            LoginPageBrowser.codeOf(back),
            "redirect_uri",
            SIGN_IN_CALLBACK,
            "client_id",
            SIGN_IN_CLIENT,
            "code_verifier",
            "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
    assertEquals(200, exchanged.statusCode(), exchanged.body());
    JsonObject tokens = Http.json(exchanged);
    assertEquals(200, resourceServer.get("whoami", tokens.getString("access_token")).statusCode());
    assertEquals(
        401,
        resourceServer.get("whoami", tokens.getString("id_token")).statusCode(),
        "an ID token is not an access token");
  }

  /**
   * The token service rotates its key every 5 s here, and Payara's MP-JWT caches the JWKS for its
   * max-age (2 s) and never refetches it for an unknown kid. Every token is accepted all the same,
   * through at least two rotations: each next key was published before it signed.
   */
  @Test
  void stockMpJwtKeepsAcceptingOurTokensAcrossScheduledRotations() throws Exception {
    Http resourceServer = new Http(base);
    Set<String> kids = new LinkedHashSet<>();
    Poll.until(
        "tokens of three keys (two rotations)",
        Duration.ofSeconds(60),
        Duration.ofMillis(250),
        () -> {
          String token = tokenService.http.login(username, password);
          kids.add(Http.kid(token));
          assertEquals(
              200,
              resourceServer.get("whoami", token).statusCode(),
              "a token of key " + Http.kid(token) + ", the " + kids.size() + ". key seen");
          return kids.size();
        },
        seen -> seen >= 3);
  }

  private static ServiceProcess startTokenService() throws Exception {
    File workDir =
        new File(
            System.getProperty("project.dir", "."),
            "target/resource-server-it/" + System.currentTimeMillis());
    Map<String, String> environment = new HashMap<>();
    environment.put("AUTH_ACCESS_TOKEN_TTL", TOKEN_SECONDS + "s");
    environment.put("AUTH_KEYS_ROTATION_INTERVAL", "5s");
    environment.put("AUTH_KEYS_JWKS_MAX_AGE", "2s");
    // A public client of the code flow, for an ID token.
    environment.put("AUTH_CLIENTS", SIGN_IN_CLIENT);
    environment.put("AUTH_CLIENT_RS_WEB_GRANT_TYPES", "authorization_code");
    environment.put("AUTH_CLIENT_RS_WEB_SCOPES", "openid profile tasks:read");
    environment.put("AUTH_CLIENT_RS_WEB_REDIRECT_URIS", SIGN_IN_CALLBACK);
    ServiceProcess.Login login = ServiceProcess.chooseDatabase(workDir, environment);
    username = login.username();
    password = login.password();
    return ServiceProcess.start(workDir, "token-service", environment).awaitReady();
  }
}
