package dev.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The malformed inputs of the second security review, each with the one answer both servers give:
 * the same status and error code on Payara and on WildFly (this class runs in both CI stages
 * against the same table), a JSON body wherever the application answers, never a 5xx, never a stack
 * trace in the answer or in the server's log. Requests go over a socket of their own ({@link
 * RawHttp}): several are what {@link java.net.http.HttpClient} refuses to send.
 *
 * <p>A few are answered by the servlet container before the application can (docs/api.md, "Answers
 * the server gives by itself"): for those the table holds the status only.
 */
class MalformedInputIT extends ServiceIT {

  private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at [\\w.$]+\\(");

  /** One finding: its request, and the status and error code it must get. */
  record Case(String finding, byte[] head, byte[] body, int status, String error) {

    /** Answered by the container: the status only; no JSON body to expect. */
    boolean byContainer() {
      return error == null;
    }
  }

  String userToken;
  String adminToken;

  @BeforeEach
  void tokens() {
    String user = "malformed-" + UUID.randomUUID();
    http.createUser(user, PASSWORD, "user");
    userToken = http.login(user, PASSWORD);
    String admin = "malformed-admin-" + UUID.randomUUID();
    http.createUser(admin, PASSWORD, "user", "admin");
    adminToken = http.login(admin, PASSWORD);
  }

  @Test
  void everyMalformedInputGetsTheSameFourHundredOnBothServers() {
    int logBefore = service.serverLog().length();
    List<Executable> checks = new ArrayList<>();
    for (Case c : cases(userToken, adminToken)) {
      RawHttp.Answer answer = RawHttp.exchange("127.0.0.1", service.port, c.head(), c.body());
      checks.add(() -> check(c, answer));
    }
    String logged = service.serverLog().substring(logBefore);
    checks.add(
        () ->
            assertTrue(
                !STACK_FRAME.matcher(logged).find(),
                "no stack trace in the server's log for a client error:\n" + logged));
    assertAll(checks);
  }

  private static void check(Case c, RawHttp.Answer answer) {
    String seen = answer.status() + " " + answer.contentType() + " " + shorten(answer.body());
    assertEquals(c.status(), answer.status(), c.finding() + ": " + seen);
    assertTrue(!answer.body().contains("<html") && !answer.body().contains("Exception"), seen);
    if (!c.byContainer()) {
      assertTrue(answer.contentType().startsWith("application/json"), c.finding() + ": " + seen);
      if (c.status() >= 400) {
        assertEquals(
            c.error(),
            Http.parse(answer.body()).asJsonObject().getString("error"),
            c.finding() + ": " + seen);
      }
    }
  }

  /** The table; requests that need a caller carry these tokens (a user's and an admin's). */
  static List<Case> cases(String userToken, String adminToken) {
    String json = "Content-Type: application/json";
    String form = "Content-Type: application/x-www-form-urlencoded";
    String user = "Authorization: Bearer " + userToken;
    String admin = "Authorization: Bearer " + adminToken;
    String surrogate = "\\ud800";
    String deepArray = "[".repeat(1200) + "]".repeat(1200);
    String deepObject = "{\"a\":".repeat(900) + "1" + "}".repeat(900);
    List<Case> cases = new ArrayList<>();
    // 2. An escaped lone surrogate: valid JSON, not Unicode (a 500 from the password hash).
    cases.add(
        post(
            "lone surrogate in the login's password",
            "/auth/login",
            json,
            "{\"username\":\"admin\",\"password\":\"" + surrogate + "\"}",
            400,
            "invalid_request"));
    cases.add(
        post(
            "lone surrogate in the login's username",
            "/auth/login",
            json,
            "{\"username\":\"a" + surrogate + "\",\"password\":\"x\"}",
            400,
            "invalid_request"));
    cases.add(
        post(
            "lone surrogate in a new password",
            "/api/me/password",
            json + "\r\n" + user,
            "{\"current_password\":\""
                + PASSWORD
                + "\",\"new_password\":\""
                + surrogate.repeat(12)
                + "\"}",
            400,
            "invalid_request"));
    cases.add(
        post(
            "lone surrogate in a user the admin creates",
            "/admin/users",
            json + "\r\n" + admin,
            "{\"username\":\"u-" + UUID.randomUUID() + "\",\"password\":\"" + surrogate + "x\"}",
            400,
            "invalid_request"));
    // JSON nested deeper than any body of the API (a StackOverflowError, an HTML 500 on Payara).
    cases.add(
        post(
            "JSON nested 1200 deep on /auth/refresh",
            "/auth/refresh",
            json,
            "{\"refresh_token\":" + deepArray + "}",
            400,
            "invalid_request"));
    cases.add(
        post(
            "a key-import jwk nested 900 deep",
            "/admin/keys",
            json + "\r\n" + admin,
            "{\"jwk\":" + deepObject + "}",
            400,
            "invalid_request"));
    // Charsets no server knows, in bodies and in Accept.
    cases.add(
        post(
            "charset=bogus on /auth/refresh",
            "/auth/refresh",
            "Content-Type: application/json;charset=bogus",
            "{\"refresh_token\":\"x\"}",
            415,
            "unsupported_media_type"));
    for (String endpoint : List.of("/oauth2/token", "/oauth2/revoke", "/oauth2/introspect")) {
      cases.add(
          post(
              "a form with charset=bogus on " + endpoint,
              endpoint,
              form + ";charset=bogus",
              "token=x&grant_type=password&username=a&password=b",
              415,
              "unsupported_media_type"));
    }
    cases.add(
        get(
            "Accept with charset=bogus on discovery",
            "/.well-known/openid-configuration",
            "Accept: application/json;charset=bogus",
            406,
            "not_acceptable"));
    cases.add(
        get(
            "Accept */*;q=abc on discovery",
            "/.well-known/openid-configuration",
            "Accept: */*;q=abc",
            400,
            "invalid_request"));
    cases.add(
        get(
            "Accept */*;q=abc on /api/me",
            "/api/me",
            "Accept: */*;q=abc\r\n" + user,
            400,
            "invalid_request"));
    cases.add(
        get("Accept ;;; on /api/me", "/api/me", "Accept: ;;;\r\n" + user, 400, "invalid_request"));
    cases.add(
        post("Content-Type ;;;", "/auth/login", "Content-Type: ;;;", "{}", 400, "invalid_request"));
    cases.add(
        post(
            "Content-Type application/",
            "/auth/login",
            "Content-Type: application/",
            "{}",
            400,
            "invalid_request"));
    // null inside a client's lists (a NullPointerException).
    for (String list : List.of("grant_types", "scopes", "audiences", "roles")) {
      String body =
          "{\"client_id\":\"c-"
              + UUID.randomUUID()
              + "\",\"grant_types\":[\"client_credentials\"],\"scopes\":[\"tasks:read\"],\""
              + list
              + "\":[null]}";
      cases.add(
          post(
              "null in a client's " + list,
              "/admin/clients",
              json + "\r\n" + admin,
              body,
              400,
              "invalid_request"));
    }
    // Audit dates epoch milliseconds cannot hold (a long overflow).
    for (String date : List.of("-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z")) {
      cases.add(
          get("audit since " + date, "/admin/audit?since=" + date, admin, 400, "invalid_request"));
    }
    cases.add(
        get(
            "an audit type that does not exist",
            "/admin/audit?type=no_such_event",
            admin,
            400,
            "invalid_request"));
    // 3. Parity of limits and media types.
    cases.add(
        post(
            "2 MB to /auth/refresh",
            "/auth/refresh",
            json,
            "{\"refresh_token\":\"" + "a".repeat(2_000_000) + "\"}",
            413,
            "invalid_request"));
    cases.add(
        new Case(
            "1 MB chunked to /oauth2/token",
            RawHttp.bytes(
                "POST /oauth2/token HTTP/1.1\r\n" + form + "\r\nTransfer-Encoding: chunked"),
            chunked("grant_type=password&username=" + "a".repeat(1_000_000)),
            413,
            "invalid_request"));
    cases.add(
        new Case(
            "a body without Content-Type on /auth/refresh",
            RawHttp.bytes("POST /auth/refresh HTTP/1.1\r\nContent-Length: 21"),
            RawHttp.bytes("{\"refresh_token\":\"x\"}"),
            415,
            "unsupported_media_type"));
    cases.add(
        get(
            "a tab after Bearer (WildFly turns it into a space; both accept it)",
            "/api/me",
            "Authorization: Bearer\t" + userToken,
            200,
            "none"));
    cases.add(get("a NUL in the path", "/api/%00me", "Accept: application/json", 400, null));
    // Answered by the container before the application: the status is the same, the body is the
    // container's (empty on Payara, a short HTML page on WildFly).
    cases.add(get("a non-ASCII byte in a cookie", "/api/me", "Cookie: a=\u00e9\u00ff", 400, null));
    cases.add(get("a control character in a cookie", "/api/me", "Cookie: a=b\u0001", 400, null));
    return cases;
  }

  private static Case get(String finding, String path, String headers, int status, String error) {
    return new Case(
        finding,
        RawHttp.bytes("GET " + path + " HTTP/1.1\r\n" + headers),
        new byte[0],
        status,
        error);
  }

  private static Case post(
      String finding, String path, String headers, String body, int status, String error) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return new Case(
        finding,
        RawHttp.bytes(
            "POST " + path + " HTTP/1.1\r\n" + headers + "\r\nContent-Length: " + bytes.length),
        bytes,
        status,
        error);
  }

  private static byte[] chunked(String body) {
    StringBuilder out = new StringBuilder();
    for (int at = 0; at < body.length(); at += 8192) {
      String chunk = body.substring(at, Math.min(body.length(), at + 8192));
      out.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
    }
    return RawHttp.bytes(out.append("0\r\n\r\n").toString());
  }

  private static String shorten(String body) {
    return body.length() > 200 ? body.substring(0, 200) + "…" : body;
  }
}
