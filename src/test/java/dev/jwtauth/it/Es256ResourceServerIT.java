package dev.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.io.File;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * With {@code auth.keys.algorithm=ES256} the token service signs with a P-256 key, and a stock
 * MP-JWT resource server told {@code mp.jwt.verify.publickey.algorithm=ES256} accepts the tokens
 * through our JWKS, and refuses a forged one.
 */
@ExtendWith(ArquillianExtension.class)
@OwnServers
@ResourceLock("arquillian") // one Arquillian container at a time
class Es256ResourceServerIT {

  private static ServiceProcess tokenService;
  private static ServiceProcess.Login login;
  private static final Map<String, String> environment = new HashMap<>();

  @Deployment(testable = false)
  static WebArchive resourceServer() throws Exception {
    File workDir =
        new File(
            System.getProperty("project.dir", "."),
            "target/es256-resource-server-it/" + System.currentTimeMillis());
    environment.put("AUTH_KEYS_ALGORITHM", "ES256");
    // PostgreSQL suite: the suite's database holds the other tests' RS256 keys
    login = ServiceProcess.ownDatabase(workDir, environment, "es256");
    tokenService = ServiceProcess.start(workDir, "es256-token-service", environment).awaitReady();
    return ResourceServerIT.stockMpJwtWar(
        "http://127.0.0.1:" + tokenService.port, "mp.jwt.verify.publickey.algorithm=ES256");
  }

  @AfterAll
  static void stopTokenService() throws InterruptedException {
    if (tokenService != null) {
      tokenService.close();
    }
    ServiceProcess.dropOwnDatabase(environment);
  }

  @ArquillianResource URL base;

  @Test
  void stockMpJwtAcceptsOurEs256Tokens() {
    String token = tokenService.http.login(login.username(), login.password());
    String header =
        new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
    assertEquals("ES256", ((JsonObject) Http.parse(header)).getString("alg"));
    Http resourceServer = new Http(base);
    HttpResponse<String> accepted = resourceServer.get("whoami", token);
    assertEquals(200, accepted.statusCode(), accepted.body());
    assertEquals(login.username(), Http.json(accepted).getString("principal"));
    assertEquals(
        401,
        resourceServer.get("whoami", token.substring(0, token.length() - 4) + "AAAA").statusCode(),
        "a forged signature is refused");
  }
}
