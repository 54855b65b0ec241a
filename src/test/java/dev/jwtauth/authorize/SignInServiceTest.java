package dev.jwtauth.authorize;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When a browser session still answers an authorization request without the password. */
class SignInServiceTest {

  private static final Instant SIGNED_IN = Instant.parse("2026-12-06T10:00:00Z");

  @Test
  void withoutMaxAgeAnyLiveSessionAnswers() {
    assertTrue(SignInService.recentEnough(SIGNED_IN, SIGNED_IN.plusSeconds(7200), null));
  }

  @Test
  void maxAgeAsksForThePasswordOnceTheSignInIsOlder() {
    assertTrue(SignInService.recentEnough(SIGNED_IN, SIGNED_IN.plusSeconds(60), 60L));
    assertFalse(SignInService.recentEnough(SIGNED_IN, SIGNED_IN.plusSeconds(61), 60L));
  }

  @Test
  void maxAgeZeroAlwaysAsksForThePasswordAsPromptLoginDoes() {
    assertFalse(SignInService.recentEnough(SIGNED_IN, SIGNED_IN, 0L));
    assertFalse(SignInService.recentEnough(SIGNED_IN, SIGNED_IN.plusMillis(500), 0L));
  }
}
