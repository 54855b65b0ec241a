package dev.jwtauth.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/security.md: "Client address": the peer, unless a trusted proxy forwards for someone. */
class TrustedProxiesTest {

  private final TrustedProxies none = new TrustedProxies(List.of());
  private final TrustedProxies proxies =
      new TrustedProxies(List.of("10.0.0.0/8", "::1/128", "192.0.2.7"));

  @Test
  void withoutTrustedProxiesTheHeadersAreIgnored() {
    assertEquals(
        "10.1.2.3",
        none.clientAddress("10.1.2.3", List.of("203.0.113.9"), List.of("for=198.51.100.1")));
  }

  @Test
  void anUntrustedPeerIsTheClientWhateverItClaims() {
    assertEquals(
        "203.0.113.5", proxies.clientAddress("203.0.113.5", List.of("198.51.100.1"), List.of()));
  }

  @Test
  void theFirstUntrustedHopFromTheRightIsTheClient() {
    // attacker-supplied left part, then the real client, then two of our proxies
    assertEquals(
        "198.51.100.20",
        proxies.clientAddress(
            "10.0.0.2", List.of("6.6.6.6, 198.51.100.20", "10.0.0.1"), List.of()));
    assertEquals(
        "2001:db8:0:0:0:0:0:1",
        proxies.clientAddress("0:0:0:0:0:0:0:1", List.of("2001:db8::1"), List.of()));
  }

  @Test
  void theForwardedHeaderIsReadWhenThereIsNoXForwardedFor() {
    assertEquals(
        "198.51.100.3",
        proxies.clientAddress(
            "192.0.2.7", List.of(), List.of("for=198.51.100.3;proto=https, for=\"[::1]:4711\"")));
    assertEquals(
        "203.0.113.4",
        proxies.clientAddress("192.0.2.7", List.of(), List.of("for=203.0.113.4:8080")));
  }

  @Test
  void aHopThatIsNotAnIpLiteralEndsTheWalkAndIsNeverResolved() {
    assertEquals(
        "10.0.0.9", proxies.clientAddress("10.0.0.9", List.of("evil.example.com"), List.of()));
    assertEquals("10.0.0.9", proxies.clientAddress("10.0.0.9", List.of("unknown"), List.of()));
  }

  @Test
  void everyHopTrustedMeansTheLeftmost() {
    assertEquals(
        "10.0.0.5", proxies.clientAddress("10.0.0.1", List.of("10.0.0.5, 10.0.0.4"), List.of()));
  }

  @Test
  void aBadSettingNamesIt() {
    for (String bad : List.of("10.0.0.0/33", "proxy.example.com", "10.0.0.0/x", "")) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> new TrustedProxies(List.of(bad)), bad);
      assertEquals(true, e.getMessage().startsWith("auth.trusted-proxies"), e.getMessage());
    }
  }
}
