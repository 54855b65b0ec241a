package dev.jwtauth.token;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwtauth.users.UserProfile;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The claims of ID tokens and userinfo for the granted scopes (OIDC Core §5.4). */
class IdentityClaimsTest {

  private static final Instant CHANGED = Instant.parse("2026-11-30T08:15:30.750Z");

  private final UserProfile dana =
      new UserProfile("dana@example.com", false, "Dana Example", "Dana", null, Map.of());

  @Test
  void profileGivesTheNamesAndWhenTheProfileChangedInSeconds() {
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("name", "Dana Example");
    expected.put("given_name", "Dana");
    expected.put("preferred_username", "dana");
    expected.put("updated_at", 1_796_026_530L);
    assertEquals(
        expected,
        IdTokenIssuer.identityClaims(List.of("openid", "profile"), "dana", dana, CHANGED));
  }

  @Test
  void emailGivesTheAddressAndWhetherItIsVerified() {
    assertEquals(
        Map.of("email", "dana@example.com", "email_verified", false),
        IdTokenIssuer.identityClaims(List.of("openid", "email"), "dana", dana, CHANGED));
  }

  @Test
  void aCallerOfAnotherIdentityStoreHasItsNameOnly() {
    assertEquals(
        Map.of("preferred_username", "dana"),
        IdTokenIssuer.identityClaims(List.of("openid", "profile", "email"), "dana", null, null));
  }
}
