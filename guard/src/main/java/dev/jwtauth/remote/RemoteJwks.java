package dev.jwtauth.remote;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import dev.jwtauth.guard.Jsons;
import dev.jwtauth.verify.VerificationKey;
import dev.jwtauth.verify.VerificationKeys;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keys of one issuer, from its JWKS URL, kept in memory for the request path: fetched in the
 * background, again when the answer's {@code Cache-Control: max-age} runs out (revalidated with its
 * {@code ETag}), and when a token names a {@code kid} not among them — but then at most once per
 * minimum refetch interval, so a flood of tokens with made-up kids costs at most one fetch per
 * interval. {@link #find} never waits for the network: a token of a key not yet fetched is refused,
 * and the next one, once the refetch is in, is accepted.
 *
 * <p>A fetch that fails keeps the keys there are and is tried again after the minimum interval.
 * Only signing keys ({@code use} absent or {@code sig}) of an accepted algorithm are kept; a key
 * without {@code alg} takes its type's usual one (RSA: RS256; EC: by curve).
 */
public final class RemoteJwks implements VerificationKeys {

  private static final Logger LOG = Logger.getLogger(RemoteJwks.class.getName());
  private static final Pattern MAX_AGE =
      Pattern.compile("(?:^|[,\\s])max-age\\s*=\\s*(\\d{1,9})(?:$|[,\\s])");

  /** The longest we keep keys without asking again, whatever the answer says. */
  static final Duration MAX_CACHE = Duration.ofHours(24);

  private record Keys(Map<String, VerificationKey> byKid, String etag) {}

  private final String issuer;

  /** Null until discovered when none was configured. */
  private volatile URI jwksUri;

  private final Set<JWSAlgorithm> algorithms;
  private final Duration minRefetchInterval;
  private final Duration defaultMaxAge;
  private final HttpClient http;
  private final ScheduledExecutorService executor;
  private final Clock clock;

  private volatile Keys keys = new Keys(Map.of(), null);
  private final AtomicLong lastFetchStartedMillis = new AtomicLong(Long.MIN_VALUE / 2);
  private final AtomicBoolean fetching = new AtomicBoolean();
  private final AtomicLong fetches = new AtomicLong();
  private volatile long lastSuccessMillis = -1;

  /**
   * @param issuer the only {@code iss} these keys verify
   * @param jwksUri where the keys are; null: the {@code jwks_uri} of the issuer's OpenID Connect
   *     discovery document ({@code <issuer>/.well-known/openid-configuration}), read at the first
   *     fetch
   * @param algorithms the algorithms a key may have
   * @param minRefetchInterval the least time between two fetches an unknown kid or a failure asks
   *     for
   * @param defaultMaxAge how long keys are kept when the answer gives no {@code max-age}
   * @param executor runs the fetches (a single background thread is enough)
   */
  public RemoteJwks(
      String issuer,
      URI jwksUri,
      Set<JWSAlgorithm> algorithms,
      Duration minRefetchInterval,
      Duration defaultMaxAge,
      HttpClient http,
      ScheduledExecutorService executor,
      Clock clock) {
    this.issuer = issuer;
    this.jwksUri = jwksUri;
    this.algorithms = Set.copyOf(algorithms);
    this.minRefetchInterval = minRefetchInterval;
    this.defaultMaxAge = defaultMaxAge;
    this.http = http;
    this.executor = executor;
    this.clock = clock;
  }

  /** Starts fetching in the background; returns at once. */
  public void start() {
    requestFetch(true);
  }

  @Override
  public Optional<VerificationKey> find(String tokenIssuer, String kid) {
    if (!issuer.equals(tokenIssuer)) {
      return Optional.empty();
    }
    VerificationKey key = kid == null ? null : keys.byKid().get(kid);
    if (key == null) {
      requestFetch(false); // perhaps a key published since: for the next token, not this one
    }
    return Optional.ofNullable(key);
  }

  /** How many fetches have ended, in success or not (the metric, and what tests count). */
  public long fetches() {
    return fetches.get();
  }

  /** How many keys are held. */
  public int size() {
    return keys.byKid().size();
  }

  /** When the keys were last fetched or revalidated, or empty if never. */
  public Optional<java.time.Instant> lastSuccess() {
    long millis = lastSuccessMillis;
    return millis < 0 ? Optional.empty() : Optional.of(java.time.Instant.ofEpochMilli(millis));
  }

  /**
   * One fetch now, on the caller's thread (start-up and tests); never more than one at a time.
   *
   * @return when to fetch next
   */
  Duration fetchNow() {
    try {
      if (jwksUri == null) {
        jwksUri = discover();
      }
      HttpRequest.Builder request =
          HttpRequest.newBuilder(jwksUri).timeout(Duration.ofSeconds(10)).GET();
      Keys current = keys;
      if (current.etag() != null) {
        request.header("If-None-Match", current.etag());
      }
      HttpResponse<String> answer =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      Duration maxAge = maxAge(answer.headers().firstValue("Cache-Control").orElse(null));
      if (answer.statusCode() == 304 && current.etag() != null) {
        lastSuccessMillis = clock.millis();
        return maxAge;
      }
      if (answer.statusCode() != 200) {
        throw new IOException("the JWKS answered " + answer.statusCode());
      }
      keys =
          new Keys(
              verifiers(JWKSet.parse(answer.body())),
              answer.headers().firstValue("ETag").orElse(null));
      lastSuccessMillis = clock.millis();
      return maxAge;
    } catch (IOException | ParseException e) {
      LOG.log(
          Level.WARNING,
          () ->
              "Fetching the keys of "
                  + issuer
                  + " from "
                  + (jwksUri == null ? "its discovery document" : jwksUri)
                  + " failed: "
                  + e);
      return minRefetchInterval;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return minRefetchInterval;
    } finally {
      fetches.incrementAndGet(); // counted once done: a caller who sees the count sees its keys
    }
  }

  private URI discover() throws IOException, InterruptedException {
    URI document =
        URI.create(
            (issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer)
                + "/.well-known/openid-configuration");
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(document).timeout(Duration.ofSeconds(10)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IOException(document + " answered " + answer.statusCode());
    }
    try (JsonReader reader = Jsons.reader(new StringReader(answer.body()))) {
      JsonObject metadata = reader.readObject();
      if (!issuer.equals(metadata.getString("issuer", null))) {
        throw new IOException(document + " names another issuer");
      }
      String named = metadata.getString("jwks_uri", null);
      if (named == null) {
        throw new IOException(document + " names no jwks_uri");
      }
      return URI.create(named);
    } catch (JsonException | ClassCastException | IllegalArgumentException e) {
      throw new IOException(document + " holds no usable jwks_uri", e);
    }
  }

  private void requestFetch(boolean force) {
    long now = clock.millis();
    long last = lastFetchStartedMillis.get();
    if (!force && now - last < minRefetchInterval.toMillis()) {
      return;
    }
    if (!fetching.compareAndSet(false, true)) {
      return; // a fetch is under way
    }
    if (!lastFetchStartedMillis.compareAndSet(last, now)) {
      fetching.set(false); // another thread started one in the meantime
      return;
    }
    executor.execute(this::fetchAndSchedule);
  }

  private void fetchAndSchedule() {
    Duration next;
    try {
      next = fetchNow();
    } finally {
      fetching.set(false);
    }
    executor.schedule(() -> requestFetch(true), next.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The answer's max-age, within [min refetch interval, 24 h]; none: the default. */
  Duration maxAge(String cacheControl) {
    Duration age = defaultMaxAge;
    if (cacheControl != null) {
      String value = cacheControl.toLowerCase(Locale.ROOT);
      Matcher matcher = MAX_AGE.matcher(value);
      if (value.contains("no-store") || value.contains("no-cache")) {
        age = Duration.ZERO;
      } else if (matcher.find()) {
        age = Duration.ofSeconds(Long.parseLong(matcher.group(1)));
      }
    }
    if (age.compareTo(minRefetchInterval) < 0) {
      return minRefetchInterval;
    }
    return age.compareTo(MAX_CACHE) > 0 ? MAX_CACHE : age;
  }

  private Map<String, VerificationKey> verifiers(JWKSet set) {
    Map<String, VerificationKey> verifiers = new LinkedHashMap<>();
    for (JWK key : set.getKeys()) {
      if (key.getKeyID() == null
          || (key.getKeyUse() != null && key.getKeyUse() != KeyUse.SIGNATURE)) {
        continue;
      }
      JWSAlgorithm algorithm = algorithmOf(key);
      if (algorithm == null || !algorithms.contains(algorithm)) {
        continue;
      }
      try {
        JWSVerifier verifier =
            key instanceof RSAKey rsa
                ? new RSASSAVerifier(rsa.toRSAPublicKey())
                : new ECDSAVerifier(((ECKey) key).toECPublicKey());
        verifiers.put(key.getKeyID(), new VerificationKey(key.getKeyID(), algorithm, verifier));
      } catch (JOSEException | ClassCastException e) {
        LOG.warning(
            () -> "Skipping the unusable key " + key.getKeyID() + " of " + issuer + ": " + e);
      }
    }
    return Map.copyOf(verifiers);
  }

  private static JWSAlgorithm algorithmOf(JWK key) {
    if (key.getAlgorithm() != null) {
      JWSAlgorithm named = JWSAlgorithm.parse(key.getAlgorithm().getName());
      boolean fits =
          key instanceof RSAKey
              ? JWSAlgorithm.Family.RSA.contains(named)
              : key instanceof ECKey && JWSAlgorithm.Family.EC.contains(named);
      return fits ? named : null;
    }
    if (key instanceof RSAKey) {
      return JWSAlgorithm.RS256;
    }
    if (key instanceof ECKey ec) {
      return switch (ec.getCurve().getName()) {
        case "P-256" -> JWSAlgorithm.ES256;
        case "P-384" -> JWSAlgorithm.ES384;
        case "P-521" -> JWSAlgorithm.ES512;
        default -> null;
      };
    }
    return null;
  }
}
