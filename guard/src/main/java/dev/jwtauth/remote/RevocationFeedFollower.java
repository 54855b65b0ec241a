package dev.jwtauth.remote;

import dev.jwtauth.guard.Jsons;
import dev.jwtauth.verify.RevocationCheck;
import dev.jwtauth.verify.RevocationList;
import dev.jwtauth.verify.VerifiedToken;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The revocations of the token service, kept in memory by following its revocation feed ({@code GET
 * /oauth2/revocations}) on a background thread: the whole list at start (and again after a 410),
 * then long-polls from the cursor, so a revocation committed there is known here within about a
 * second. The bearer check asks {@link #isRevoked} and never waits on the network. When the feed
 * cannot be reached the revocations known so far stay in force, {@link #lag()} grows, and with
 * {@code failClosed} every token is refused once the lag passes {@code maxLag} ({@link
 * #available()}).
 */
public final class RevocationFeedFollower implements RevocationCheck, Runnable {

  private static final Logger LOG = Logger.getLogger(RevocationFeedFollower.class.getName());

  /** The longest a long-poll waits on the service (the feed's maximum is 30 s). */
  static final int MAX_WAIT_SECONDS = 25;

  private static final Duration FIRST_RETRY = Duration.ofMillis(500);
  private static final Duration LAST_RETRY = Duration.ofSeconds(5);

  private final URI feed;
  private final String authorization;
  private final Duration maxLag;
  private final boolean failClosed;
  private final HttpClient http;
  private final Clock clock;
  private final RevocationList list;

  /**
   * Half the max lag (1 to 25 s): a quiet feed still answers that often, so the lag, counted from
   * the last answer, stays under the max lag while the feed is there and passes it soon after it is
   * gone.
   */
  private final int waitSeconds;

  private volatile boolean running = true;
  private volatile Instant lastSuccess;
  private final Instant started;
  private String cursor;
  private Thread thread;

  public RevocationFeedFollower(
      URI feed,
      String clientId,
      String clientSecret,
      Duration maxLag,
      boolean failClosed,
      HttpClient http,
      Clock clock) {
    this.feed = feed;
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (form(clientId) + ":" + form(clientSecret)).getBytes(StandardCharsets.UTF_8));
    this.maxLag = maxLag;
    this.waitSeconds = (int) Math.max(1, Math.min(MAX_WAIT_SECONDS, maxLag.toSeconds() / 2));
    this.failClosed = failClosed;
    this.http = http;
    this.clock = clock;
    this.list = new RevocationList(clock);
    this.started = clock.instant();
  }

  /** Follows the feed on a thread of the factory (the server's managed one) until {@link #stop}. */
  public void start(ThreadFactory threads) {
    thread = threads.newThread(this);
    thread.setName("jwt-auth-revocation-feed");
    thread.setDaemon(true);
    thread.start();
  }

  public void stop() {
    running = false;
    if (thread != null) {
      thread.interrupt();
    }
  }

  @Override
  public boolean isRevoked(VerifiedToken token) {
    return list.isRevoked(token);
  }

  /** False once the feed has been out of reach longer than the max lag, when failing closed. */
  @Override
  public boolean available() {
    return !failClosed || lag().compareTo(maxLag) <= 0;
  }

  /** Since when this guard may have missed a revocation: now minus the last answer of the feed. */
  public Duration lag() {
    Instant last = lastSuccess;
    return Duration.between(last == null ? started : last, clock.instant());
  }

  /** Whether the feed answered within the max lag (readiness). */
  public boolean current() {
    return lastSuccess != null && lag().compareTo(maxLag) <= 0;
  }

  /** How many revocations are held. */
  public int size() {
    return list.size();
  }

  @Override
  public void run() {
    Duration retry = FIRST_RETRY;
    boolean failing = false;
    while (running) {
      try {
        readOnce(cursor == null ? 0 : waitSeconds);
        if (failing) {
          LOG.info(() -> "The revocation feed " + feed + " answers again");
          failing = false;
        }
        retry = FIRST_RETRY;
      } catch (IOException | FeedException e) {
        if (!failing) {
          LOG.log(
              Level.WARNING,
              "The revocation feed "
                  + feed
                  + " cannot be read; the revocations known so far stay in force: "
                  + e.getMessage());
          failing = true;
        }
        if (!pause(retry)) {
          return;
        }
        retry =
            retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** One answer of the feed, applied; package-private for tests. */
  void readOnce(int wait) throws IOException, FeedException, InterruptedException {
    StringBuilder query = new StringBuilder();
    if (cursor != null) {
      query.append("?after=").append(form(cursor)).append("&wait=").append(wait);
    }
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(URI.create(feed + query.toString()))
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(wait + 15L))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() == 410) {
      LOG.info("The revocation feed's cursor expired; reading the whole list again");
      cursor = null;
      return;
    }
    if (answer.statusCode() != 200) {
      throw new FeedException("the feed answered " + answer.statusCode());
    }
    try (JsonReader reader = Jsons.reader(new StringReader(answer.body()))) {
      JsonObject page = reader.readObject();
      JsonArray events = page.getJsonArray("events");
      String next = page.getString("cursor", null);
      if (events == null || next == null) {
        throw new FeedException("the feed's answer has no events or no cursor");
      }
      for (JsonObject event : events.getValuesAs(JsonObject.class)) {
        apply(event);
      }
      cursor = next;
      list.purgeExpired();
      if (!page.getBoolean("more", false)) {
        lastSuccess = clock.instant(); // caught up with the feed as of this answer
      }
    } catch (JsonException | ClassCastException | ArithmeticException e) {
      throw new FeedException("the feed's answer is not what it should be: " + e);
    }
  }

  private void apply(JsonObject event) throws FeedException {
    String type = event.getString("type", "");
    String value = event.getString("value", null);
    JsonNumber keep = event.getJsonNumber("keep_until");
    if (value == null || keep == null) {
      throw new FeedException("an event without value or keep_until");
    }
    RevocationList.Kind kind;
    try {
      kind = RevocationList.Kind.valueOf(type.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return; // a kind this guard does not know yet: a newer service
    }
    Instant keepUntil = Instant.ofEpochSecond(keep.longValueExact());
    Instant notBefore =
        Optional.ofNullable(event.getJsonNumber("not_before"))
            .map(n -> Instant.ofEpochSecond(n.longValueExact()))
            .orElse(null);
    if ((kind == RevocationList.Kind.USER || kind == RevocationList.Kind.CLIENT)
        && notBefore == null) {
      throw new FeedException("a " + kind + " event without not_before");
    }
    String issuer = event.getString("issuer", null);
    if (issuer != null && kind != RevocationList.Kind.JTI && kind != RevocationList.Kind.USER) {
      return; // a revocation of another issuer's tokens this guard cannot apply: a newer service
    }
    list.add(kind, issuer, value, notBefore, keepUntil);
  }

  private boolean pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
      return running;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String form(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** The feed answered, but not as the contract says. */
  static final class FeedException extends Exception {
    FeedException(String message) {
      super(message, null, false, false);
    }
  }
}
