package dev.jwtauth.token;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtauth.clients.ClaimSet;
import dev.jwtauth.users.UserProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * How large an RS256 (2048-bit) access token grows with the identity it carries: a user with a
 * profile, 10 permissions and 0, 10 or 32 attributes of 20 characters, all mapped by the client's
 * claim set (docs/benchmarks.md, "Token size"). The contract: 10 attributes and 10 permissions stay
 * under 2 KB.
 */
class TokenSizeTest {

  private final AccessTokenIssuer issuer = TestIssuer.issuer();

  @Test
  void tenAttributesAndTenPermissionsStayUnderTwoKilobytes() {
    int none = size(0);
    int ten = size(10);
    int all = size(UserProfile.MAX_ATTRIBUTES);
    System.out.printf(
        "RS256 access token, profile + 10 permissions: 0 attributes %d B, 10 attributes %d B,"
            + " 32 attributes %d B%n",
        none, ten, all);
    assertTrue(ten < 2048, "10 attributes and 10 permissions: " + ten + " bytes");
    assertTrue(none < ten && ten < all, none + " < " + ten + " < " + all);
  }

  private int size(int attributes) {
    Map<String, Object> values = new LinkedHashMap<>();
    Set<String> claimSet =
        new TreeSet<>(List.of("email", "email_verified", "name", "given_name", "permissions"));
    for (int i = 0; i < attributes; i++) {
      values.put("attribute_" + i, "x".repeat(20));
      claimSet.add(ClaimSet.ATTRIBUTE_PREFIX + "attribute_" + i);
    }
    UserProfile profile =
        new UserProfile("alice.liddell@example.com", true, "Alice Liddell", "Alice", null, values);
    List<String> permissions = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      permissions.add("reports:export-" + i);
    }
    String token =
        issuer
            .issue(
                new TokenRequest(
                    UUID.randomUUID().toString(),
                    "alice.liddell",
                    Set.of("user"),
                    Set.of("tasks:read", "tasks:write"),
                    "web",
                    UUID.randomUUID().toString(),
                    null,
                    null,
                    null,
                    null,
                    UserClaims.of(
                        ClaimSet.checked(claimSet), profile, Set.of("user"), permissions, null)))
            .token();
    return token.length();
  }
}
