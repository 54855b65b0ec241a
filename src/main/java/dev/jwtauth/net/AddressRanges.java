package dev.jwtauth.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A set of IP ranges from a setting ({@code 10.0.0.0/8}, {@code 192.168.1.7}, {@code ::1/128}).
 * Only IP literals are read, here and in {@link #contains}: nothing can make us resolve a name.
 */
public final class AddressRanges {

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

  private final List<Cidr> ranges;

  /**
   * @param setting the setting's name, for the error
   * @throws IllegalArgumentException naming the setting for anything but an IP or a CIDR
   */
  public AddressRanges(String setting, List<String> cidrs) {
    List<Cidr> parsed = new ArrayList<>();
    for (String text : cidrs) {
      String[] parts = text.trim().split("/", 2);
      byte[] network = literal(parts[0]);
      if (network == null) {
        throw new IllegalArgumentException(
            setting + " holds something that is not an IP or CIDR: " + text);
      }
      int prefix;
      try {
        prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
      } catch (NumberFormatException e) {
        prefix = -1;
      }
      if (prefix < 0 || prefix > network.length * 8) {
        throw new IllegalArgumentException(setting + " has a bad prefix length: " + text);
      }
      parsed.add(new Cidr(network, prefix));
    }
    this.ranges = List.copyOf(parsed);
  }

  /** Whether an IP literal lies in one of the ranges (anything else: false). */
  public boolean contains(String address) {
    byte[] bytes = literal(address);
    return bytes != null && ranges.stream().anyMatch(cidr -> cidr.contains(bytes));
  }

  /** The canonical text of an IP literal, or null. */
  public static String normalized(String text) {
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
