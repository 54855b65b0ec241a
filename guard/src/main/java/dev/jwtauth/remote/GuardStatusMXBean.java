package dev.jwtauth.remote;

/**
 * What a guard that follows the token service shows to JMX, as {@code
 * dev.jwtauth.guard:type=Guard,app=<application name>}: the revocation feed's lag and the keys
 * fetched. JMX is the one metrics interface every Jakarta EE server and JVM has (a Prometheus JMX
 * exporter, Payara's MBean metrics or jconsole read it); the same figures are in the readiness
 * check {@code jwt-guard}.
 */
public interface GuardStatusMXBean {

  /** Milliseconds since the feed last answered; -1 when the guard follows no feed. */
  long getRevocationFeedLagMillis();

  /** Whether the feed answered within the max lag (readiness UP); true when there is no feed. */
  boolean isRevocationFeedCurrent();

  /** Revocations held in memory. */
  int getRevocations();

  /** Verification keys held. */
  int getKeys();

  /** Fetches of the JWKS since the start. */
  long getJwksFetches();
}
