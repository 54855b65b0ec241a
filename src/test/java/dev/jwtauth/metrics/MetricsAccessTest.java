package dev.jwtauth.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsAccessTest {

  private final MetricsAccess loopback = new MetricsAccess(List.of("127.0.0.0/8", "::1/128"));

  @Test
  void aScraperOnTheSameHostNeedsNoToken() {
    assertTrue(loopback.allowsWithoutToken("127.0.0.1", false, false));
    assertTrue(loopback.allowsWithoutToken("0:0:0:0:0:0:0:1", false, false));
  }

  @Test
  void anyOtherAddressNeedsAToken() {
    assertFalse(loopback.allowsWithoutToken("10.0.0.7", false, false));
    assertFalse(loopback.allowsWithoutToken("not-an-address", false, false));
  }

  @Test
  void aRequestForwardedByAnUntrustedProxyOnTheSameHostNeedsAToken() {
    // A reverse proxy on this host passes the internet's requests on from 127.0.0.1.
    assertFalse(loopback.allowsWithoutToken("127.0.0.1", true, false));
  }

  @Test
  void behindATrustedProxyTheForwardedAddressDecides() {
    assertFalse(loopback.allowsWithoutToken("203.0.113.9", true, true));
    assertTrue(
        new MetricsAccess(List.of("10.1.0.0/16")).allowsWithoutToken("10.1.2.3", true, true));
  }

  @Test
  void anEmptyListOpensToNobody() {
    assertFalse(new MetricsAccess(List.of()).allowsWithoutToken("127.0.0.1", false, false));
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
