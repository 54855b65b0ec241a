package dev.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jwtauth.it.rs.ContainerWhoAmIServlet;
import jakarta.json.JsonObject;
import java.io.File;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
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

/**
 * WildFly's stock {@code elytron-oidc-client}, in bearer-only mode and configured with nothing but
 * our issuer (its discovery document), protects a WAR with none of our classes and accepts the
 * tokens of a client whose claim set has the compatibility claims ({@code roles}, {@code
 * realm_access}, a payload {@code typ} of {@code Bearer}), with the principal and roles from them;
 * a token without them (the {@code web} client's) it refuses. The stock MicroProfile JWT of Payara
 * accepts our tokens with their stock claims ({@link ResourceServerIT}).
 *
 * <p>WildFly stage only: one WildFly runs the token service at an issuer of its own port, and the
 * resource WAR is deployed beside it through the server's deployment scanner.
 */
@OwnServers
class ElytronOidcBearerIT {

  private static final String CLIENT = "wildfly-app";
  private static final String SECRET = "wildfly-app-secret-for-tests";
  private static ServiceProcess server;
  private static Http resource;
  private static String username;
  private static String password;

  @BeforeAll
  static void startTheServiceAndDeployTheResource() throws Exception {
    assumeTrue(
        ServiceProcess.SCRIPT_NAME.equals("run-wildfly.sh"), "the suite's server is WildFly");
    File workDir =
        new File(
            System.getProperty("project.dir", "."),
            "target/elytron-oidc-it/" + System.currentTimeMillis());
    Map<String, String> environment = new HashMap<>();
    environment.put("AUTH_CLIENTS", CLIENT);
    environment.put("AUTH_CLIENT_WILDFLY_APP_GRANT_TYPES", "password refresh_token");
    environment.put("AUTH_CLIENT_WILDFLY_APP_SECRET", SECRET);
    environment.put("AUTH_CLIENT_WILDFLY_APP_SCOPES", "tasks:read");
    environment.put("AUTH_CLIENT_WILDFLY_APP_CLAIMS", "roles realm_access typ");
    ServiceProcess.Login login = ServiceProcess.chooseDatabase(workDir, environment);
    username = login.username();
    password = login.password();
    server = ServiceProcess.start(workDir, "token-service", environment).awaitReady();
    resource = new Http(new URL("http://127.0.0.1:" + server.port + "/oidc-app/"));
    deploy(resourceWar("http://127.0.0.1:" + server.port));
  }

  /** As a team would protect a WildFly WAR with our tokens: web.xml and oidc.json, no code. */
  static WebArchive resourceWar(String issuer) {
    String oidc =
        "{\"provider-url\":\""
            + issuer
            + "\",\"client-id\":\""
            + CLIENT
            + "\",\"bearer-only\":true,\"ssl-required\":\"none\","
            + "\"principal-attribute\":\"preferred_username\"}";
    return oidcWar("oidc-app.war", oidc);
  }

  /**
   * A WAR whose every path needs the role {@code user}, protected by WildFly's OIDC client with
   * this {@code oidc.json}: {@link ContainerWhoAmIServlet} says who signed in.
   */
  static WebArchive oidcWar(String name, String oidcJson) {
    String webXml =
        """
        <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
          <security-constraint>
            <web-resource-collection>
              <web-resource-name>everything</web-resource-name>
              <url-pattern>/*</url-pattern>
            </web-resource-collection>
            <auth-constraint><role-name>user</role-name></auth-constraint>
          </security-constraint>
          <login-config><auth-method>OIDC</auth-method></login-config>
          <security-role><role-name>user</role-name></security-role>
          <security-role><role-name>admin</role-name></security-role>
        </web-app>
        """;
    return ShrinkWrap.create(WebArchive.class, name)
        .addClass(ContainerWhoAmIServlet.class)
        .addAsWebInfResource(new StringAsset(oidcJson), "oidc.json")
        .addAsWebInfResource(new StringAsset(webXml), "web.xml");
  }

  /** Into the running server's deployment scanner; waits for its marker. */
  private static void deploy(WebArchive war) throws Exception {
    File deployments =
        new File(
            System.getProperty("project.dir", "."),
            "target/wildfly-runs/" + server.port + "/deployments");
    File staged = new File(deployments.getParentFile(), war.getName());
    war.as(ZipExporter.class).exportTo(staged, true);
    Files.move(staged.toPath(), new File(deployments, war.getName()).toPath());
    String marker =
        Poll.until(
            "the scanner to deploy " + war.getName(),
            Duration.ofSeconds(60),
            Duration.ofMillis(250),
            () -> {
              for (String suffix : new String[] {".deployed", ".failed"}) {
                if (new File(deployments, war.getName() + suffix).exists()) {
                  return suffix;
                }
              }
              return null;
            },
            found -> found != null);
    if (!marker.equals(".deployed")) {
      String log = server.serverLog();
      throw new AssertionError(
          war.getName() + " failed to deploy: " + log.substring(Math.max(0, log.length() - 4000)));
    }
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void elytronOidcClientAcceptsATokenWithTheCompatibilityClaimsWithItsPrincipalAndRoles() {
    HttpResponse<String> token =
        server.http.postForm(
            "oauth2/token",
            Http.basic(CLIENT, SECRET),
            "grant_type",
            "password",
            "username",
            username,
            "password",
            password);
    assertEquals(200, token.statusCode(), token.body());
    String access = Http.json(token).getString("access_token");
    JsonObject claims = Http.claims(access);
    assertEquals("Bearer", claims.getString("typ"));
    assertTrue(
        claims.getJsonObject("realm_access").getJsonArray("roles").toString().contains("\"user\""));

    HttpResponse<String> accepted = resource.get("whoami", access);
    assertEquals(200, accepted.statusCode(), accepted.body());
    JsonObject caller = Http.json(accepted);
    assertEquals(username, caller.getString("principal"));
    assertTrue(caller.getBoolean("in_role_user"), caller.toString());

    assertEquals(401, resource.get("whoami").statusCode(), "no token, no entry");
    assertEquals(
        401,
        resource.get("whoami", access.substring(0, access.length() - 4) + "AAAA").statusCode(),
        "a forged signature is refused");
  }

  @Test
  void withoutTheCompatibilityClaimsItRefusesOurToken() {
    String web = server.http.login(username, password);
    assertFalse(Http.claims(web).containsKey("typ"));
    HttpResponse<String> refused = resource.get("whoami", web);
    assertTrue(
        refused.statusCode() == 401 || refused.statusCode() == 403,
        refused.statusCode() + " " + refused.body());
  }
}
