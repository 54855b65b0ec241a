package dev.jwtauth.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * A black-box HTTP client for the deployed service: plain java.net.http, nothing of the server's.
 */
public final class Http {

  /**
   * For {@link #send(HttpRequest)}; each Http instance the tests make has a client of its own, so
   * that no pooled connection outlives a restarted server.
   */
  private static final HttpClient SHARED =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private final URI base;
  private final HttpClient client;
  private final URI healthBase;

  /**
   * Payara Micro sometimes reports the machine's network address instead of localhost (and
   * Arquillian's URL follows it); the service is always reached on a loopback address here.
   */
  public Http(URL base) {
    this(base, true);
  }

  /**
   * @param ownClient a client of its own, so that no pooled connection outlives a restarted server
   */
  public Http(URL base, boolean ownClient) {
    String path = base.getPath().endsWith("/") ? base.getPath() : base.getPath() + "/";
    // A loopback address of the URL's own (a service bound to 127.0.0.2, say) is kept.
    String host = base.getHost().startsWith("127.") ? base.getHost() : "127.0.0.1";
    this.base = URI.create("http://" + host + ":" + base.getPort() + path);
    this.client =
        ownClient
            ? HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build()
            : SHARED;
    this.healthBase = null;
  }

  private Http(URI base, HttpClient client, URI healthBase) {
    this.base = base;
    this.client = client;
    this.healthBase = healthBase;
  }

  /** The same client, with MicroProfile Health at this address ({@link #healthUri}). */
  public Http withHealthAt(URI healthBase) {
    return new Http(base, client, healthBase);
  }

  public URI uri(String path) {
    return base.resolve(path.startsWith("/") ? path.substring(1) : path);
  }

  /** Paths of Payara itself (e.g. /health) live at the server root, not under the application. */
  public URI serverUri(String absolutePath) {
    return base.resolve(absolutePath);
  }

  /**
   * MicroProfile Health ({@code /health/ready}, ...): at the server root on Payara, on the
   * management interface on WildFly ({@link #withHealthAt}).
   */
  public URI healthUri(String absolutePath) {
    return healthBase == null ? serverUri(absolutePath) : healthBase.resolve(absolutePath);
  }

  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
  }

  public HttpResponse<String> get(String path) {
    return exchange(request(path).GET().build());
  }

  public HttpResponse<String> get(String path, String bearer) {
    return exchange(request(path).header("Authorization", "Bearer " + bearer).GET().build());
  }

  public HttpResponse<String> postJson(String path, String json) {
    return exchange(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  public HttpResponse<String> postJson(String path, String json, String bearer) {
    return exchange(
        request(path)
            .header("Authorization", "Bearer " + bearer)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /**
   * A form post (application/x-www-form-urlencoded), as OAuth endpoints take it.
   *
   * @param authorization the Authorization header, or null
   * @param pairs name, value, name, value, …
   */
  public HttpResponse<String> postForm(String path, String authorization, String... pairs) {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      if (body.length() > 0) {
        body.append('&');
      }
      body.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    HttpRequest.Builder request =
        request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return exchange(request.build());
  }

  /** {@code Basic base64(urlencode(id):urlencode(secret))}, RFC 6749 §2.3.1. */
  public static String basic(String clientId, String secret) {
    String pair =
        URLEncoder.encode(clientId, StandardCharsets.UTF_8)
            + ":"
            + URLEncoder.encode(secret, StandardCharsets.UTF_8);
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The claims of a JWT, read without verifying it (the tests check shape; the service checks
   * signatures).
   */
  public static JsonObject claims(String jwt) {
    String payload = jwt.split("\\.")[1];
    return (JsonObject)
        parse(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
  }

  /** The {@code kid} of a JWT's header. */
  public static String kid(String jwt) {
    String header =
        new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]), StandardCharsets.UTF_8);
    return ((JsonObject) parse(header)).getString("kid");
  }

  /** The kids of the published JWKS, in its order. */
  public List<String> jwksKids() {
    HttpResponse<String> response = get(".well-known/jwks.json");
    if (response.statusCode() != 200) {
      throw new AssertionError("the JWKS answered " + response.statusCode());
    }
    return json(response).getJsonArray("keys").stream()
        .map(key -> key.asJsonObject().getString("kid"))
        .toList();
  }

  public static HttpResponse<String> send(HttpRequest request) {
    return send(SHARED, request);
  }

  public HttpResponse<String> exchange(HttpRequest request) {
    return send(client, request);
  }

  private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Sends every request at the same moment, each from a thread of its own behind one start gate.
   * Why not {@code sendAsync}: the JDK client opens the connections of a batch of asynchronous
   * requests one after the other, so the server sees them trickle in, never all at once.
   */
  public List<HttpResponse<String>> exchangeAllAtOnce(List<HttpRequest> requests) {
    ExecutorService threads = Executors.newFixedThreadPool(requests.size());
    CountDownLatch gate = new CountDownLatch(1);
    try {
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      for (HttpRequest request : requests) {
        answers.add(
            threads.submit(
                () -> {
                  gate.await();
                  return send(client, request);
                }));
      }
      gate.countDown();
      List<HttpResponse<String>> responses = new ArrayList<>();
      for (Future<HttpResponse<String>> answer : answers) {
        responses.add(answer.get());
      }
      return responses;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new AssertionError("a request of the burst failed: " + e.getCause(), e.getCause());
    } finally {
      threads.shutdownNow();
    }
  }

  /** The cookies a response sets, by name (values only). */
  public static Map<String, String> cookies(HttpResponse<String> response) {
    return response.headers().allValues("Set-Cookie").stream()
        .map(c -> c.split(";", 2)[0])
        .collect(
            Collectors.toMap(
                c -> c.substring(0, c.indexOf('=')), c -> c.substring(c.indexOf('=') + 1)));
  }

  public static JsonObject json(HttpResponse<String> response) {
    return (JsonObject) parse(response.body());
  }

  public static JsonStructure parse(String body) {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.read();
    }
  }

  /** A new user with these roles, made through the test-only support endpoint; returns its id. */
  public String createUser(String username, String password, String... roles) {
    HttpResponse<String> response =
        postJson(
            "test-support/users",
            Json.createObjectBuilder()
                .add("username", username)
                .add("password", password)
                .add("roles", Json.createArrayBuilder(List.of(roles)))
                .build()
                .toString());
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "creating " + username + " answered " + response.statusCode() + ": " + response.body());
    }
    return json(response).getString("id");
  }

  /** A confidential client registered by {@link #registerFeedClient}. */
  public record FeedClient(String id, String secret) {
    /** Its {@code Authorization} header value. */
    public String basic() {
      return Http.basic(id, secret);
    }
  }

  /**
   * A confidential client with the {@code client_credentials} grant that may read the revocation
   * feed, registered through the admin API; its id starts with {@code prefix}.
   */
  public FeedClient registerFeedClient(String prefix, String adminToken) {
    String id = prefix + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> created =
        postJson(
            "admin/clients",
            "{\"client_id\":\""
                + id
                + "\",\"grant_types\":[\"client_credentials\"],\"revocation_feed\":true}",
            adminToken);
    if (created.statusCode() != 201 || !json(created).getBoolean("revocation_feed")) {
      throw new AssertionError(
          "registering " + id + ": " + created.statusCode() + " " + created.body());
    }
    return new FeedClient(id, json(created).getString("client_secret"));
  }

  /** The whole token response of a login. */
  public JsonObject loginResponse(String username, String password) {
    HttpResponse<String> response =
        postJson(
            "auth/login",
            Json.createObjectBuilder()
                .add("username", username)
                .add("password", password)
                .build()
                .toString());
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "login of " + username + " answered " + response.statusCode() + ": " + response.body());
    }
    return json(response);
  }

  /** A new user made through the admin API (role and scope admin); returns the created answer. */
  public HttpResponse<String> createUserAsAdmin(
      String adminToken, String username, String password) {
    return exchange(
        request("admin/users")
            .header("Authorization", "Bearer " + adminToken)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    Json.createObjectBuilder()
                        .add("username", username)
                        .add("password", password)
                        .add("roles", Json.createArrayBuilder().add("user"))
                        .build()
                        .toString()))
            .build());
  }

  /** Any method, with a bearer token (or null) and a JSON body (or null). */
  public HttpResponse<String> call(String method, String path, String bearer, String json) {
    HttpRequest.Builder request =
        request(path)
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return exchange(request.build());
  }

  /** A JSON Merge Patch (RFC 7396), as {@code PATCH /admin/users/{id}} takes it. */
  public HttpResponse<String> mergePatch(String path, String bearer, String json) {
    return exchange(
        request(path)
            .header("Authorization", "Bearer " + bearer)
            .header("Content-Type", "application/merge-patch+json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  public HttpResponse<String> delete(String path, String bearer) {
    return exchange(request(path).header("Authorization", "Bearer " + bearer).DELETE().build());
  }

  /** Logs in through /auth/login and returns the access token. */
  public String login(String username, String password) {
    HttpResponse<String> response =
        postJson(
            "auth/login",
            Json.createObjectBuilder()
                .add("username", username)
                .add("password", password)
                .build()
                .toString());
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "login of " + username + " answered " + response.statusCode() + ": " + response.body());
    }
    return json(response).getString("access_token");
  }
}
