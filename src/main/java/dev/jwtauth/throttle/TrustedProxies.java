package dev.jwtauth.throttle;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a request comes from (PRODUCT.md §9 "Client address"): the TCP peer, unless the peer is a
 * proxy listed in {@code auth.trusted-proxies}; then the forwarding headers are read from the
 * right, skipping further trusted proxies, and the first address that is not one is the client.
 * Anything that is not an IP literal ends the walk: a header can never make us resolve a name.
 */
public final class TrustedProxies {

  private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  private record Cidr(byte[] network, int prefix) {
    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = 0xFF << (8 - rest);
      return (address[full] & mask) == (network[full] & mask);
    }
  }

  private final List<Cidr> proxies;

  /**
   * @param cidrs e.g. {@code 10.0.0.0/8}, {@code 192.168.1.7}, {@code ::1/128}
   * @throws IllegalArgumentException naming {@code auth.trusted-proxies} for anything else
   */
  public TrustedProxies(List<String> cidrs) {
    List<Cidr> parsed = new ArrayList<>();
    for (String text : cidrs) {
      String[] parts = text.trim().split("/", 2);
      byte[] network = literal(parts[0]);
      if (network == null) {
        throw new IllegalArgumentException(
            "auth.trusted-proxies holds something that is not an IP or CIDR: " + text);
      }
      int prefix;
      try {
        prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
      } catch (NumberFormatException e) {
        prefix = -1;
      }
      if (prefix < 0 || prefix > network.length * 8) {
        throw new IllegalArgumentException("auth.trusted-proxies has a bad prefix length: " + text);
      }
      parsed.add(new Cidr(network, prefix));
    }
    this.proxies = List.copyOf(parsed);
  }

  /**
   * @param peer the TCP peer's address
   * @param forwardedFor every {@code X-Forwarded-For} header value, in order
   * @param forwarded every {@code Forwarded} header value (RFC 7239), in order
   */
  public String clientAddress(String peer, List<String> forwardedFor, List<String> forwarded) {
    String client = normalized(peer);
    if (client == null || !trusted(client)) {
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
      String hop = normalized(unwrap(hops.get(i)));
      if (hop == null) {
        return client; // garbage: believe nothing further left
      }
      client = hop;
      if (!trusted(hop)) {
        return hop;
      }
    }
    return client;
  }

  private boolean trusted(String address) {
    byte[] bytes = literal(address);
    return bytes != null && proxies.stream().anyMatch(cidr -> cidr.contains(bytes));
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

  /** The canonical text of an IP literal, or null. */
  private static String normalized(String text) {
    byte[] bytes = literal(text);
    if (bytes == null) {
      return null;
    }
    try {
      return InetAddress.getByAddress(bytes).getHostAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private static byte[] literal(String text) {
    if (text == null || !IP_LITERAL.matcher(text.trim()).matches()) {
      return null;
    }
    String value = text.trim();
    if (!value.contains(":") && !value.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
      return null; // not dotted-quad IPv4, and no colon for IPv6
    }
    try {
      // Only literals reach here, so this never asks DNS.
      return InetAddress.getByName(value).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
