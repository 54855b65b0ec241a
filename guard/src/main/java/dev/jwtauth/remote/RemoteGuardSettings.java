package dev.jwtauth.remote;

import com.nimbusds.jose.JWSAlgorithm;
import java.net.URI;
import java.time.Duration;
import java.util.Set;

/**
 * A guard outside the token service: where the service's keys and revocations are.
 *
 * @param jwksUri {@code jwtauth.guard.jwks-uri}; null: from the issuer's discovery document
 * @param minRefetchInterval {@code jwtauth.guard.jwks.min-refetch-interval} (10s): an unknown
 *     {@code kid} refetches the keys at most this often
 * @param algorithms {@code jwtauth.guard.algorithms} (RS256 ES256)
 * @param feedUri {@code jwtauth.guard.revocation-feed.uri} (the issuer's {@code
 *     /oauth2/revocations}); null: {@code .enabled=false}, no revocations followed
 * @param feedClientId {@code .revocation-feed.client-id}
 * @param feedClientSecret {@code .revocation-feed.client-secret}; never in {@link #toString()}
 * @param maxLag {@code .revocation-feed.max-lag} (10s): readiness goes DOWN past it
 * @param failClosed {@code .revocation-feed.fail-closed} (false): refuse every token past it
 */
public record RemoteGuardSettings(
    URI jwksUri,
    Duration minRefetchInterval,
    Set<JWSAlgorithm> algorithms,
    URI feedUri,
    String feedClientId,
    String feedClientSecret,
    Duration maxLag,
    boolean failClosed) {

  public RemoteGuardSettings {
    algorithms = Set.copyOf(algorithms);
    if (minRefetchInterval.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException(
          "jwtauth.guard.jwks.min-refetch-interval must be at least 1s");
    }
    if (feedUri != null && (isBlank(feedClientId) || isBlank(feedClientSecret))) {
      throw new IllegalArgumentException(
          "jwtauth.guard.revocation-feed.client-id and .client-secret must be set (or"
              + " jwtauth.guard.revocation-feed.enabled=false, and revoked tokens are accepted"
              + " until they expire)");
    }
    if (maxLag.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException(
          "jwtauth.guard.revocation-feed.max-lag must be at least 1s");
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  @Override
  public String toString() {
    return "RemoteGuardSettings[jwks "
        + (jwksUri == null ? "from discovery" : jwksUri)
        + ", feed "
        + (feedUri == null ? "off" : feedUri + " as " + feedClientId + ", secret hidden")
        + "]";
  }
}
