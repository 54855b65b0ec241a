package dev.jwtauth.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwtauth.verify.TokenVerifier;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RevocationServiceTest {

  /**
   * docs/security.md "Revocations outlive what they cover": a user's or session's revocation is
   * kept as long as the longest-lived token the guard accepts, plus the skew
   * (RevocationListTest.aUsersRevocationOutlivesTheLongestLivedTokenItCovers shows the list keeps
   * it that long).
   */
  @Test
  void aRevocationIsKeptForTheLongestLifetimeAnyTokenCanHave() {
    Instant now = Instant.parse("2026-12-05T12:00:00Z");
    Duration skew = Duration.ofSeconds(5);
    assertEquals(
        now.plus(TokenVerifier.MAX_LIFETIME).plus(skew),
        RevocationService.lastValidityOfTokensIssuedAt(now, skew));
  }
}
