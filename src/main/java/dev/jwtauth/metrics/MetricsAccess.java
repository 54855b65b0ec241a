package dev.jwtauth.metrics;

import dev.jwtauth.net.AddressRanges;
import java.util.List;
import java.util.function.Function;

/**
 * Who may read {@code /metrics} without a token: a scraper at one of {@code
 * auth.metrics.allowed-addresses} (default loopback). A request that came through a proxy the
 * service does not trust is never one of them, even from loopback: a reverse proxy on the same host
 * would otherwise open the metrics to everyone behind it; nor is one that names its client by any
 * other forwarding header ({@link #OTHER_FORWARDING_HEADERS}), trusted proxy or not.
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
   * Headers by which a proxy names the original client or a hop, beyond the two the trusted proxies
   * resolve ({@code X-Forwarded-For}, {@code Forwarded}). The service cannot tell the client from
   * them, so a request carrying any of them needs the token.
   */
  static final List<String> OTHER_FORWARDING_HEADERS =
      List.of(
          "X-Real-IP",
          "True-Client-IP",
          "X-Client-IP",
          "CF-Connecting-IP",
          "Fastly-Client-IP",
          "X-Cluster-Client-IP",
          "X-Original-Forwarded-For",
          "Via");

  /**
   * @param clientAddress the caller as resolved through the trusted proxies
   * @param header the request's header of that name, or null
   * @param fromTrustedProxy the TCP peer is a trusted proxy, so {@code clientAddress} came from its
   *     headers
   */
  public boolean allowsWithoutToken(
      String clientAddress, Function<String, String> header, boolean fromTrustedProxy) {
    if (OTHER_FORWARDING_HEADERS.stream().anyMatch(name -> header.apply(name) != null)) {
      return false;
    }
    boolean forwarded =
        header.apply("X-Forwarded-For") != null || header.apply("Forwarded") != null;
    if (forwarded && !fromTrustedProxy) {
      return false;
    }
    return allowed.contains(clientAddress);
  }
}
