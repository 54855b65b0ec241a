package dev.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jwtauth.it.rp.OneCallerPerRequest;
import dev.jwtauth.it.rp.RelyingPartySettings;
import dev.jwtauth.it.rp.SignedInServlet;
import jakarta.json.JsonObject;
import java.io.File;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Real relying parties sign users in through our login page: a web application protected by Jakarta
 * Security's own OpenID Connect mechanism ({@code @OpenIdAuthenticationMechanismDefinition}, the
 * server's Soteria), deployed beside the token service in the same server (Payara Micro or WildFly,
 * whichever the suite runs), as a confidential client with {@code client_secret_post} and a nonce.
 * The service runs at an issuer of its own port: the relying party reads our discovery document and
 * follows its endpoints.
 */
@OwnServers
class OidcRelyingPartyIT {

  private static final String CLIENT = "soteria-app";
  private static final String SECRET = "soteria-app-secret-for-tests";

  /**
   * On WildFly the web application carries {@link OneCallerPerRequest}: without it WildFly 39
   * answers the mechanism's first request after a refresh with a 500 (Elytron takes the refreshed
   * caller for a "run as": "ELY01088: Attempting to run as CallerPrincipal authorization operation
   * failed", whoever the provider). On Payara the mechanism refreshes on its own.
   */
  private static final boolean ON_WILDFLY = ServiceProcess.SCRIPT_NAME.equals("run-wildfly.sh");

  private static final String ELYTRON_CLIENT = "elytron-app";
  private static final String ELYTRON_SECRET = "elytron-app-secret-for-tests";

  private static final String OTHER_ORIGIN_CLIENT = "other-origin-app";
  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  private static ServiceProcess server;
  private static String base;
  private static String username;
  private static String password;

  @BeforeAll
  static void startTheServiceWithTheRelyingParty() throws Exception {
    File workDir =
        new File(
            System.getProperty("project.dir", "."),
            "target/oidc-rp-it/" + System.currentTimeMillis());
    workDir.mkdirs();
    int port = ServiceProcess.freePort();
    base = "http://127.0.0.1:" + port;
    File war = new File(workDir, "oidc-rp.war");
    WebArchive relyingParty =
        ShrinkWrap.create(WebArchive.class, "oidc-rp.war")
            .addClasses(SignedInServlet.class, RelyingPartySettings.class);
    if (ON_WILDFLY) {
      relyingParty.addClass(OneCallerPerRequest.class);
    }
    relyingParty
        // Every class a bean: the mechanism definition is found on the servlet's.
        .addAsWebInfResource(
            new StringAsset(
                "<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\""
                    + " bean-discovery-mode=\"all\"/>"),
            "beans.xml")
        .as(ZipExporter.class)
        .exportTo(war, true);
    Map<String, String> environment = new HashMap<>();
    environment.put("AUTH_ISSUER", base);
    // Short-lived access tokens: the demo page refreshes 30 s before expiry, 10 s after sign-in.
    environment.put("AUTH_ACCESS_TOKEN_TTL", "40s");
    environment.put("AUTH_EXTRA_WARS", war.getAbsolutePath());
    environment.put("AUTH_CLIENTS", CLIENT);
    if (ON_WILDFLY) { // its own OIDC client too
      File elytron = new File(workDir, "oidc-elytron.war");
      elytronWar().as(ZipExporter.class).exportTo(elytron, true);
      environment.put("AUTH_EXTRA_WARS", war.getAbsolutePath() + " " + elytron.getAbsolutePath());
      environment.put("AUTH_CLIENTS", CLIENT + " " + ELYTRON_CLIENT);
      environment.put("AUTH_CLIENT_ELYTRON_APP_SECRET", ELYTRON_SECRET);
      environment.put("AUTH_CLIENT_ELYTRON_APP_GRANT_TYPES", "authorization_code refresh_token");
      environment.put("AUTH_CLIENT_ELYTRON_APP_SCOPES", "openid profile email tasks:read");
      // The claims WildFly's client reads roles from (as for Keycloak's tokens).
      environment.put("AUTH_CLIENT_ELYTRON_APP_CLAIMS", "roles realm_access typ");
      environment.put("AUTH_CLIENT_ELYTRON_APP_REDIRECT_URIS", base + "/oidc-elytron/whoami");
    }
    environment.put("AUTH_CLIENT_SOTERIA_APP_SECRET", SECRET);
    environment.put("AUTH_CLIENT_SOTERIA_APP_GRANT_TYPES", "authorization_code refresh_token");
    environment.put("AUTH_CLIENT_SOTERIA_APP_SCOPES", "openid profile email tasks:read");
    environment.put("AUTH_CLIENT_SOTERIA_APP_NAME", "Soteria test application");
    environment.put("AUTH_CLIENT_SOTERIA_APP_REDIRECT_URIS", base + "/oidc-rp/callback");
    // A client on another origin (localhost, not 127.0.0.1): the login form's redirect leaves ours.
    environment.put("AUTH_CLIENTS", environment.get("AUTH_CLIENTS") + " " + OTHER_ORIGIN_CLIENT);
    environment.put("AUTH_CLIENT_OTHER_ORIGIN_APP_GRANT_TYPES", "authorization_code");
    environment.put("AUTH_CLIENT_OTHER_ORIGIN_APP_SCOPES", "openid");
    environment.put(
        "AUTH_CLIENT_OTHER_ORIGIN_APP_REDIRECT_URIS", "http://localhost:" + port + "/elsewhere/cb");
    environment.put("OIDC_RP_PROVIDER", base);
    environment.put("OIDC_RP_CLIENT_ID", CLIENT);
    environment.put("OIDC_RP_CLIENT_SECRET", SECRET);
    // A refresh on every request (longer than any token's lifetime).
    environment.put("OIDC_RP_TOKEN_MIN_VALIDITY", "3600000");
    ServiceProcess.Login login = ServiceProcess.chooseDatabase(workDir, environment);
    username = login.username();
    password = login.password();
    server = ServiceProcess.start(workDir, "token-service", environment, port).awaitReady();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void jakartaSecuritysOpenIdConnectMechanismSignsAUserInAndStaysSignedIn() {
    LoginPageBrowser browser = new LoginPageBrowser(server.http);
    HttpResponse<String> toUs = browser.get(base + "/oidc-rp/whoami");
    assertEquals(302, toUs.statusCode(), toUs.body());
    String authorize = toUs.headers().firstValue("Location").orElseThrow();
    assertTrue(authorize.startsWith(base + "/oauth2/authorize?"), authorize);

    HttpResponse<String> page = browser.get(authorize);
    assertEquals(200, page.statusCode(), page.body());
    assertTrue(page.body().contains("Soteria test application"), page.body());
    HttpResponse<String> back = browser.signIn(page, username, password);
    assertEquals(302, back.statusCode(), back.body());
    String callback = back.headers().firstValue("Location").orElseThrow();
    assertTrue(callback.startsWith(base + "/oidc-rp/callback?code="), callback);

    HttpResponse<String> signedIn = follow(browser, browser.get(callback));
    assertEquals(200, signedIn.statusCode(), signedIn.body() + logTail());
    JsonObject caller = Http.json(signedIn);
    assertEquals(username, caller.getString("caller"));
    assertTrue(caller.getBoolean("in_role_user"), caller.toString());

    // Still signed in through refreshes (a new access token each time, the same sign-in).
    JsonObject previous = caller;
    for (int request = 0; request < 2; request++) {
      HttpResponse<String> again = follow(browser, browser.get(base + "/oidc-rp/whoami"));
      assertEquals(200, again.statusCode(), again.body() + logTail());
      JsonObject next = Http.json(again);
      assertEquals(username, next.getString("caller"));
      assertTrue(next.getBoolean("in_role_user"), next.toString());
      assertEquals(caller.getString("id_token_sid"), next.getString("id_token_sid"));
      assertNotEquals(
          previous.getString("access_token_jti"),
          next.getString("access_token_jti"),
          "the relying party refreshed its tokens");
      previous = next;
    }
  }

  /**
   * As a team would sign users in to a WildFly web application with the server's own OIDC client:
   * web.xml and oidc.json (PKCE, client_secret_basic, RS256), no code. It asks for scope {@code
   * openid} alone (WildFly 39 refuses a {@code scope} setting at its default stability level), so
   * its principal is the {@code sub}.
   */
  private static WebArchive elytronWar() {
    String oidc =
        "{\"provider-url\":\""
            + base
            + "\",\"client-id\":\""
            + ELYTRON_CLIENT
            + "\",\"credentials\":{\"secret\":\""
            + ELYTRON_SECRET
            + "\"},\"ssl-required\":\"none\",\"enable-pkce\":true,"
            + "\"principal-attribute\":\"sub\"}";
    return ElytronOidcBearerIT.oidcWar("oidc-elytron.war", oidc);
  }

  @Test
  void wildFlysOwnOidcClientSignsAUserIn() {
    assumeTrue(ON_WILDFLY, "WildFly's elytron-oidc-client: the WildFly stage");
    LoginPageBrowser browser = new LoginPageBrowser(server.http);
    HttpResponse<String> toUs = browser.get(base + "/oidc-elytron/whoami");
    assertEquals(302, toUs.statusCode(), toUs.body() + logTail());
    String authorize = toUs.headers().firstValue("Location").orElseThrow();
    assertTrue(authorize.startsWith(base + "/oauth2/authorize?"), authorize);
    assertTrue(authorize.contains("code_challenge_method=S256"), authorize);

    HttpResponse<String> back = browser.signIn(browser.get(authorize), username, password);
    assertEquals(302, back.statusCode(), back.body());
    HttpResponse<String> signedIn =
        follow(browser, browser.get(back.headers().firstValue("Location").orElseThrow()));
    assertEquals(200, signedIn.statusCode(), signedIn.body() + logTail());
    JsonObject caller = Http.json(signedIn);
    String subject = Http.claims(server.http.login(username, password)).getString("sub");
    assertEquals(subject, caller.getString("principal"));
    assertTrue(caller.getBoolean("in_role_user"), caller.toString());
  }

  /**
   * The demo page in a real browser (headless Chromium driven by Selenium): it signs in on the
   * login page with the code flow and PKCE, shows the caller and their tasks, stays signed in
   * across a reload (a silent sign-in through the browser session), and signs out.
   */
  @Test
  void theDemoPageSignsInStaysSignedInAcrossAReloadAndSignsOutInChromium() throws Exception {
    WebDriver chrome = chromium();
    try {
      WebDriverWait wait = new WebDriverWait(chrome, Duration.ofSeconds(20));
      chrome.get(base + "/demo/");
      // A first visit tries a silent sign-in, which comes back login_required.
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in"))).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")))
          .sendKeys(username);
      chrome.findElement(By.id("password")).sendKeys(password);
      chrome.findElement(By.cssSelector("button[type=submit]")).click();

      WebElement shown =
          wait.until(
              ExpectedConditions.visibilityOfElementLocated(
                  By.cssSelector("#signed-in #username")));
      wait.until(ExpectedConditions.textToBePresentInElement(shown, username));
      assertTrue(chrome.findElement(By.id("scope")).getText().contains("tasks:read"));
      assertTrue(chrome.findElement(By.id("tasks")).getText().length() > 0, "the task list");
      File screenshot = ((TakesScreenshot) chrome).getScreenshotAs(OutputType.FILE);
      File saved = new File(System.getProperty("project.dir", "."), "target/demo-signed-in.png");
      Files.copy(screenshot.toPath(), saved.toPath(), StandardCopyOption.REPLACE_EXISTING);

      // The silent refresh: a new access token before this one expires, still signed in.
      String expires = chrome.findElement(By.id("expires")).getText();
      new WebDriverWait(chrome, Duration.ofSeconds(45))
          .until(driver -> !driver.findElement(By.id("expires")).getText().equals(expires));
      assertTrue(chrome.findElement(By.id("status")).getText().contains("Signed in"));

      chrome.navigate().refresh();
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.cssSelector("#signed-in #username"), username));

      chrome.findElement(By.id("sign-out")).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
      assertTrue(chrome.getCurrentUrl().startsWith(base + "/demo/"), chrome.getCurrentUrl());
      assertTrue(chrome.findElement(By.id("status")).getText().contains("Not signed in"));
    } finally {
      chrome.quit();
    }
  }

  /**
   * The login page's policy allows forms to post to its own origin only ({@code form-action
   * 'self'}); the browser must still follow the answer's redirect to a client on another origin.
   */
  @Test
  void chromiumFollowsTheLoginFormsRedirectToAClientOnAnotherOrigin() {
    WebDriver chrome = chromium();
    try {
      WebDriverWait wait = new WebDriverWait(chrome, Duration.ofSeconds(20));
      String callback = base.replace("127.0.0.1", "localhost") + "/elsewhere/cb";
      chrome.get(
          base
              + "/oauth2/authorize?response_type=code&scope=openid&state=s1&client_id="
              + OTHER_ORIGIN_CLIENT
              + "&redirect_uri="
              + java.net.URLEncoder.encode(callback, java.nio.charset.StandardCharsets.UTF_8)
              + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
              + "&code_challenge_method=S256");
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")))
          .sendKeys(username);
      chrome.findElement(By.id("password")).sendKeys(password);
      chrome.findElement(By.cssSelector("button[type=submit]")).click();
      wait.until(ExpectedConditions.urlContains("/elsewhere/cb?code="));
      assertTrue(chrome.getCurrentUrl().startsWith(callback + "?code="), chrome.getCurrentUrl());
    } finally {
      chrome.quit();
    }
  }

  private static WebDriver chromium() {
    assumeTrue(
        new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
        "Chromium and its driver (apt-get install chromium chromium-driver; .ci/run does)");
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1000,800");
    return new ChromeDriver(options);
  }

  /** Follows the relying party's own redirects (at most five). */
  private static HttpResponse<String> follow(
      LoginPageBrowser browser, HttpResponse<String> answer) {
    for (int i = 0; i < 5 && answer.statusCode() / 100 == 3; i++) {
      String location = answer.headers().firstValue("Location").orElseThrow();
      answer = browser.get(URI.create(base + "/").resolve(location).toString());
    }
    return answer;
  }

  private static String logTail() {
    String log = server.serverLog();
    return "\n--- server log ---\n" + log.substring(Math.max(0, log.length() - 6000));
  }
}
