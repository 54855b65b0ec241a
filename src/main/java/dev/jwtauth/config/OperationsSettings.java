package dev.jwtauth.config;

import java.time.Duration;
import java.util.List;

/**
 * What operators tune: metrics access, audit retention, the log format.
 *
 * @param metricsAllowedAddresses IPs or CIDRs that read /metrics without a token
 *     (auth.metrics.allowed-addresses)
 * @param auditRetention how long audit rows are kept (auth.audit.retention)
 * @param jsonLogs the service's log lines as JSON (auth.log.format=json) instead of the server's
 *     text
 */
public record OperationsSettings(
    List<String> metricsAllowedAddresses, Duration auditRetention, boolean jsonLogs) {

  public OperationsSettings {
    metricsAllowedAddresses = List.copyOf(metricsAllowedAddresses);
    if (auditRetention.compareTo(Duration.ofDays(1)) < 0) {
      throw new IllegalArgumentException("auth.audit.retention must be at least 1d");
    }
  }

  /** {@code text} or {@code json}, nothing else. */
  static boolean jsonLogs(String format) {
    return switch (format) {
      case "json" -> true;
      case "text" -> false;
      default ->
          throw new IllegalArgumentException(
              "auth.log.format (environment variable AUTH_LOG_FORMAT) must be text or json, not "
                  + format);
    };
  }
}
