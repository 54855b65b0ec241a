package dev.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * One product on two servers, shown side by side: the same malformed and limit requests go to the
 * suite's WildFly and to a Payara Micro started beside it with the same WAR, and their answers are
 * compared — status, media type, error code, and whether {@code Retry-After} and {@code
 * WWW-Authenticate} are there. Where the container answers before the application (docs/api.md),
 * only the status is compared.
 *
 * <p>Runs in the WildFly stage: Payara Micro is built in every stage, WildFly only with -Pwildfly.
 */
class ParityIT extends ServiceIT {

  private static ServiceProcess payara;

  @BeforeAll
  static void startPayaraBesideWildFly() throws Exception {
    assumeTrue(
        ServiceProcess.SCRIPT_NAME.equals("run-wildfly.sh"), "the suite's server is WildFly");
    File workDir =
        new File(
            System.getProperty("project.dir", "."),
            "target/parity-it/" + System.currentTimeMillis());
    Map<String, String> environment = new HashMap<>(SharedService.ENVIRONMENT);
    ServiceProcess.chooseDatabase(workDir, environment);
    environment.put("AUTH_WAR", SharedService.exportWar(workDir).getAbsolutePath());
    payara =
        ServiceProcess.start(
                workDir, "payara", environment, ServiceProcess.freePort(), "scripts/run.sh")
            .awaitReady();
  }

  @AfterAll
  static void stopPayara() throws InterruptedException {
    if (payara != null) {
      payara.close();
    }
  }

  /** The table of {@link MalformedInputIT}, sent to both servers. */
  @Test
  void malformedRequestsGetTheSameAnswersFromBothServers() {
    List<MalformedInputIT.Case> onWildFly = casesFor(http);
    List<MalformedInputIT.Case> onPayara = casesFor(payara.http);
    List<Executable> checks = new ArrayList<>();
    for (int i = 0; i < onWildFly.size(); i++) {
      MalformedInputIT.Case wildFlyCase = onWildFly.get(i);
      MalformedInputIT.Case payaraCase = onPayara.get(i);
      String wildFly = signature(wildFlyCase, send(service, wildFlyCase));
      String payaraAnswer = signature(payaraCase, send(payara, payaraCase));
      checks.add(
          () -> assertEquals(wildFly, payaraAnswer, "WildFly / Payara: " + wildFlyCase.finding()));
    }
    assertAll(checks);
  }

  /**
   * Limits and refusals: a locked login, a wrong media type, an unknown path and method, a missing
   * and a forged token, a throttled password change.
   */
  @Test
  void limitsAndRefusalsGetTheSameAnswersFromBothServers() {
    Map<String, List<String>> answers = new HashMap<>();
    for (Http server : List.of(http, payara.http)) {
      List<String> seen = new ArrayList<>();
      String user = "parity-" + UUID.randomUUID();
      server.createUser(user, PASSWORD, "user");
      String token = server.login(user, PASSWORD);
      String wrong = "{\"username\":\"" + user + "\",\"password\":\"wrong-password\"}";
      for (int i = 0; i < 5; i++) {
        seen.add("wrong password " + i + ": " + signature(login(server, wrong)));
      }
      seen.add("locked: " + signature(login(server, wrong)));
      seen.add("no token: " + signature(server.get("api/me")));
      seen.add("forged token: " + signature(server.get("api/me", token + "x")));
      seen.add("unknown path: " + signature(server.get("api/nothing-here", token)));
      seen.add(
          "wrong method: "
              + signature(
                  server.exchange(
                      server
                          .request("auth/login")
                          .method("PUT", java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
                          .header("Content-Type", "application/json")
                          .build())));
      seen.add(
          "text body to the login: "
              + signature(
                  server.exchange(
                      server
                          .request("auth/login")
                          .header("Content-Type", "text/plain")
                          .POST(java.net.http.HttpRequest.BodyPublishers.ofString(wrong))
                          .build())));
      seen.add("user on admin: " + signature(server.get("admin/users", token)));
      seen.add(
          "empty form to the token endpoint: " + signature(server.postForm("oauth2/token", null)));
      feedAndExternalRevocations(server, token, seen);
      browserSignIn(server, seen);
      answers.put(server == http ? "WildFly" : "Payara", seen);
    }
    assertEquals(answers.get("WildFly"), answers.get("Payara"));
  }

  /** The revocation feed's and the external revocations' refusals. */
  private static void feedAndExternalRevocations(Http server, String userToken, List<String> seen) {
    String admin = "parity-admin-" + UUID.randomUUID();
    server.createUser(admin, PASSWORD, "user", "admin");
    String adminToken = server.login(admin, PASSWORD);
    String feedClient = server.registerFeedClient("parity-feed-", adminToken).basic();
    seen.add("feed, anonymous: " + signature(server.get("oauth2/revocations")));
    seen.add("feed, bearer: " + signature(server.get("oauth2/revocations", userToken)));
    seen.add(
        "feed, a client without the permission: "
            + signature(feed(server, "", Http.basic("demo-service", "demo-service-secret"))));
    seen.add("feed, bad cursor: " + signature(feed(server, "?after=abc", feedClient)));
    seen.add("feed, wait too long: " + signature(feed(server, "?wait=31", feedClient)));
    seen.add("feed, expired cursor: " + signature(feed(server, "?after=0.1", feedClient)));
    seen.add("feed, current: " + signature(feed(server, "", feedClient)).replace("200", "2xx"));
    String external = "{\"issuer\":\"https://idp.example/realms/shop\",\"subject\":\"a\"}";
    seen.add(
        "external revocation by a user: "
            + signature(server.postJson("admin/revocations", external, userToken)));
    seen.add(
        "external revocation without a subject or jti: "
            + signature(
                server.postJson(
                    "admin/revocations",
                    "{\"issuer\":\"https://idp.example/realms/shop\"}",
                    adminToken)));
  }

  /**
   * The authorization endpoint's three kinds of answer, with the configured client shop-web: an
   * error page, an error sent back to the client, the login page.
   */
  private static void browserSignIn(Http server, List<String> seen) {
    String good =
        "oauth2/authorize?response_type=code&client_id=shop-web&scope=openid&state=s&nonce=n"
            + "&redirect_uri=https%3A%2F%2Fshop.example.com%2Fcallback";
    for (String[] request :
        new String[][] {
          {"unknown client", good.replace("client_id=shop-web", "client_id=nobody")},
          {"unregistered redirect", good.replace("shop.example.com", "evil.example.com")},
          {"response_type token", good.replace("response_type=code", "response_type=token")},
          {"no nonce, no PKCE", good.replace("&nonce=n", "")},
          {"prompt=none", good + "&prompt=none"},
          {"good", good}
        }) {
      java.net.http.HttpResponse<String> answer = server.get(request[1]);
      String location = answer.headers().firstValue("Location").orElse("");
      seen.add(
          "authorize, "
              + request[0]
              + ": "
              + signature(answer)
              + (location.isEmpty()
                  ? ""
                  : " -> "
                      + location
                          .replaceAll("&iss=.*", "")
                          .replaceAll("error_description=[^&]*", ""))
              + (answer.headers().firstValue("Content-Security-Policy").isPresent() ? " CSP" : ""));
    }
    // The login form: refused without its CSRF cookie, wrong credentials, then a good sign-in.
    String user = "parity-signin-" + UUID.randomUUID();
    server.createUser(user, PASSWORD, "user");
    LoginPageBrowser browser = new LoginPageBrowser(server);
    java.net.http.HttpResponse<String> page = browser.get(good);
    browser.forget("__Host-login-csrf");
    page = browser.signIn(page, user, PASSWORD);
    seen.add("login form without its cookie: " + signature(page));
    page = browser.signIn(page, user, "not-the-password");
    seen.add("login form, wrong password: " + signature(page));
    java.net.http.HttpResponse<String> signedIn = browser.signIn(page, user, PASSWORD);
    seen.add(
        "login form, signed in: "
            + signature(signedIn)
            + " cookies "
            + new java.util.TreeSet<>(Http.cookies(signedIn).keySet()));
    seen.add(
        "code exchange, unknown code: "
            + signature(
                server.postForm(
                    "oauth2/token",
                    Http.basic("shop-web", "shop-web-test-secret"),
                    "grant_type",
                    "authorization_code",
                    "code",
                    "no-such-code",
                    "redirect_uri",
                    "https://shop.example.com/callback")));
    seen.add("userinfo without a token: " + signature(server.get("oauth2/userinfo")));
    seen.add(
        "userinfo without openid: "
            + signature(server.get("oauth2/userinfo", server.login(user, PASSWORD))));
    for (String back : new String[] {"https://shop.example.com/", "https://evil.example.com/"}) {
      java.net.http.HttpResponse<String> out =
          browser.get(
              "oauth2/logout?client_id=shop-web&state=x&post_logout_redirect_uri="
                  + java.net.URLEncoder.encode(back, java.nio.charset.StandardCharsets.UTF_8));
      seen.add(
          "logout to "
              + back
              + ": "
              + signature(out)
              + " -> "
              + out.headers().firstValue("Location").orElse(""));
      // Signed in, no hint: the "sign out?" page first; its form signs out.
      java.net.http.HttpResponse<String> confirmed =
          browser.post("oauth2/logout", LoginPageBrowser.hiddenFields(out.body()));
      seen.add(
          "logout to "
              + back
              + ", confirmed: "
              + signature(confirmed)
              + " -> "
              + confirmed.headers().firstValue("Location").orElse(""));
    }
    for (String path : new String[] {"demo", "demo/", "demo/demo.js", "demo/nothing"}) {
      java.net.http.HttpResponse<String> demo = server.get(path);
      seen.add(
          "demo page "
              + path
              + ": "
              + demo.statusCode()
              + " "
              + mediaType(demo.headers().firstValue("Content-Type").orElse(""))
              + (demo.headers().firstValue("Content-Security-Policy").isPresent() ? " CSP" : ""));
    }
    for (String origin : new String[] {"https://shop.example.com", "https://evil.example.com"}) {
      java.net.http.HttpResponse<String> preflight =
          server.exchange(
              server
                  .request("oauth2/token")
                  .header("Origin", origin)
                  .header("Access-Control-Request-Method", "POST")
                  .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                  .build());
      seen.add(
          "CORS preflight from "
              + origin
              + ": "
              + preflight.statusCode()
              + " "
              + preflight.headers().firstValue("Access-Control-Allow-Origin").orElse("none"));
    }
  }

  private static java.net.http.HttpResponse<String> feed(
      Http server, String query, String authorization) {
    return server.exchange(
        server
            .request("oauth2/revocations" + query)
            .header("Authorization", authorization)
            .GET()
            .build());
  }

  /**
   * From an address of its own (the suite trusts the loopback as a proxy): no other test's count.
   */
  private static java.net.http.HttpResponse<String> login(Http server, String body) {
    return server.exchange(
        server
            .request("auth/login")
            .header("Content-Type", "application/json")
            .header("X-Forwarded-For", "192.0.2.77")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private static List<MalformedInputIT.Case> casesFor(Http server) {
    String user = "parity-" + UUID.randomUUID();
    server.createUser(user, PASSWORD, "user");
    String admin = "parity-admin-" + UUID.randomUUID();
    server.createUser(admin, PASSWORD, "user", "admin");
    return MalformedInputIT.cases(server.login(user, PASSWORD), server.login(admin, PASSWORD));
  }

  private static RawHttp.Answer send(ServiceProcess server, MalformedInputIT.Case c) {
    return RawHttp.exchange("127.0.0.1", server.port, c.head(), c.body());
  }

  /** What must be equal: the status, and where the application answered its media type and code. */
  private static String signature(MalformedInputIT.Case c, RawHttp.Answer answer) {
    if (c.byContainer()) {
      return Integer.toString(answer.status());
    }
    return answer.status() + " " + mediaType(answer.contentType()) + " " + error(answer.body());
  }

  private static String signature(java.net.http.HttpResponse<String> response) {
    return response.statusCode()
        + " "
        + mediaType(response.headers().firstValue("Content-Type").orElse(""))
        + " "
        + error(response.body())
        + (response.headers().firstValue("Retry-After").isPresent() ? " Retry-After" : "")
        + (response.headers().firstValue("WWW-Authenticate").isPresent()
            ? " WWW-Authenticate"
            : "");
  }

  private static String mediaType(String contentType) {
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
        .trim()
        .toLowerCase(Locale.ROOT);
  }

  private static String error(String body) {
    if (!body.startsWith("{")) {
      return body.isEmpty() ? "(empty)" : "(not JSON)";
    }
    JsonObject json = Http.parse(body).asJsonObject();
    return json.containsKey("error") ? json.get("error").toString() : "(no error)";
  }
}
