package dev.jwtauth.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class MetricsAccessTest {

  /** A request without forwarding headers, and one with X-Forwarded-For. */
  private static final Function<String, String> NONE = name -> null;

  private static final Function<String, String> XFF =
      name -> name.equalsIgnoreCase("X-Forwarded-For") ? "203.0.113.9" : null;

  private final MetricsAccess loopback = new MetricsAccess(List.of("127.0.0.0/8", "::1/128"));

  @Test
  void aScraperOnTheSameHostNeedsNoToken() {
    assertTrue(loopback.allowsWithoutToken("127.0.0.1", NONE, false));
    assertTrue(loopback.allowsWithoutToken("0:0:0:0:0:0:0:1", NONE, false));
  }

  @Test
  void anyOtherAddressNeedsAToken() {
    assertFalse(loopback.allowsWithoutToken("10.0.0.7", NONE, false));
    assertFalse(loopback.allowsWithoutToken("not-an-address", NONE, false));
  }

  @Test
  void aRequestForwardedByAnUntrustedProxyOnTheSameHostNeedsAToken() {
    // A reverse proxy on this host passes the internet's requests on from 127.0.0.1.
    assertFalse(loopback.allowsWithoutToken("127.0.0.1", XFF, false));
  }

  @Test
  void behindATrustedProxyTheForwardedAddressDecides() {
    assertFalse(loopback.allowsWithoutToken("203.0.113.9", XFF, true));
    assertTrue(new MetricsAccess(List.of("10.1.0.0/16")).allowsWithoutToken("10.1.2.3", XFF, true));
  }

  /**
   * A proxy on the same host that names the client with another header than X-Forwarded-For or
   * Forwarded (nginx's X-Real-IP, True-Client-IP, a Via hop, ...) is seen from 127.0.0.1 like a
   * local scraper: such a request always needs the token, trusted proxy or not.
   */
  @Test
  void anyOtherForwardingHeaderNeedsAToken() {
    for (String header :
        List.of("X-Real-IP", "True-Client-IP", "X-Client-IP", "CF-Connecting-IP", "Via")) {
      Map<String, String> headers = Map.of(header.toLowerCase(Locale.ROOT), "203.0.113.9");
      assertFalse(
          loopback.allowsWithoutToken(
              "127.0.0.1", name -> headers.get(name.toLowerCase(Locale.ROOT)), false),
          header);
      assertFalse(
          loopback.allowsWithoutToken(
              "127.0.0.1", name -> headers.get(name.toLowerCase(Locale.ROOT)), true),
          header + " from a trusted proxy");
    }
    assertTrue(loopback.allowsWithoutToken("127.0.0.1", name -> null, false), "no header at all");
  }

  @Test
  void anEmptyListOpensToNobody() {
    assertFalse(new MetricsAccess(List.of()).allowsWithoutToken("127.0.0.1", NONE, false));
  }

  @Test
  void aBadEntryNamesTheSetting() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new MetricsAccess(List.of("localhost")));
    assertEquals(
        "auth.metrics.allowed-addresses holds something that is not an IP or CIDR: localhost",
        e.getMessage());
  }
}
