package dev.jwtauth.throttle;

import dev.jwtauth.net.AddressRanges;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a request comes from (docs/security.md "Brute force"): the TCP peer, unless the peer is a
 * proxy listed in {@code auth.trusted-proxies}; then the forwarding headers are read from the
 * right, skipping further trusted proxies, and the first address that is not one is the client.
 * Anything that is not an IP literal ends the walk: a header can never make us resolve a name.
 */
public final class TrustedProxies {

  private final AddressRanges proxies;

  /**
   * @param cidrs e.g. {@code 10.0.0.0/8}, {@code 192.168.1.7}, {@code ::1/128}
   * @throws IllegalArgumentException naming {@code auth.trusted-proxies} for anything else
   */
  public TrustedProxies(List<String> cidrs) {
    this.proxies = new AddressRanges("auth.trusted-proxies", cidrs);
  }

  /** Whether the TCP peer is one of the trusted proxies (so its forwarding headers count). */
  public boolean isTrusted(String peer) {
    return proxies.contains(peer);
  }

  /**
   * @param peer the TCP peer's address
   * @param forwardedFor every {@code X-Forwarded-For} header value, in order
   * @param forwarded every {@code Forwarded} header value (RFC 7239), in order
   */
  public String clientAddress(String peer, List<String> forwardedFor, List<String> forwarded) {
    String client = AddressRanges.normalized(peer);
    if (client == null || !isTrusted(client)) {
      return client == null ? String.valueOf(peer) : client;
    }
    List<String> hops = new ArrayList<>();
    if (!forwardedFor.isEmpty()) {
      forwardedFor.forEach(value -> hops.addAll(List.of(value.split(","))));
    } else {
      for (String value : forwarded) {
        for (String element : value.split(",")) {
          for (String pair : element.split(";")) {
            String[] kv = pair.trim().split("=", 2);
            if (kv.length == 2 && kv[0].trim().toLowerCase(Locale.ROOT).equals("for")) {
              hops.add(kv[1]);
            }
          }
        }
      }
    }
    for (int i = hops.size() - 1; i >= 0; i--) {
      String hop = AddressRanges.normalized(unwrap(hops.get(i)));
      if (hop == null) {
        return client; // garbage: believe nothing further left
      }
      client = hop;
      if (!isTrusted(hop)) {
        return hop;
      }
    }
    return client;
  }

  /** {@code "[2001:db8::1]:4711"}, {@code 192.0.2.60:8080}, quotes: the bare address. */
  private static String unwrap(String hop) {
    String value = hop.trim().replace("\"", "");
    if (value.startsWith("[")) {
      int end = value.indexOf(']');
      return end > 0 ? value.substring(1, end) : value;
    }
    if (value.indexOf(':') > 0
        && value.indexOf(':') == value.lastIndexOf(':')
        && value.contains(".")) {
      return value.substring(0, value.indexOf(':')); // IPv4 with a port
    }
    return value;
  }
}
