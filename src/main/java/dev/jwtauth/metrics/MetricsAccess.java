package dev.jwtauth.metrics;

import dev.jwtauth.net.AddressRanges;
import java.util.List;

/**
 * Who may read {@code /metrics} without a token: a scraper at one of {@code
 * auth.metrics.allowed-addresses} (default loopback). A request that came through a proxy the
 * service does not trust is never one of them, even from loopback: a reverse proxy on the same host
 * would otherwise open the metrics to everyone behind it.
 */
public final class MetricsAccess {

  private final AddressRanges allowed;

  /**
   * @param allowed IPs or CIDRs
   * @throws IllegalArgumentException naming {@code auth.metrics.allowed-addresses} for anything
   *     else
   */
  public MetricsAccess(List<String> allowed) {
    this.allowed = new AddressRanges("auth.metrics.allowed-addresses", allowed);
  }

  /**
   * @param clientAddress the caller as resolved through the trusted proxies
   * @param forwarded the request carries forwarding headers ({@code X-Forwarded-For}, {@code
   *     Forwarded})
   * @param fromTrustedProxy the TCP peer is a trusted proxy, so {@code clientAddress} came from its
   *     headers
   */
  public boolean allowsWithoutToken(
      String clientAddress, boolean forwarded, boolean fromTrustedProxy) {
    if (forwarded && !fromTrustedProxy) {
      return false;
    }
    return allowed.contains(clientAddress);
  }
}
