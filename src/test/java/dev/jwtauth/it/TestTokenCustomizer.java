package dev.jwtauth.it;

import dev.jwtauth.token.AccessTokenContext;
import dev.jwtauth.token.AccessTokenCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * Test deployments only: an {@link AccessTokenCustomizer} as a user of the service would deploy
 * one. For users whose name starts with {@code tier-} it adds {@code tier} and {@code
 * entitlements}; for {@code boom-} it throws; for {@code sneaky-} it tries to change {@code sub}
 * (refused, so it fails too). Everyone else's tokens are left alone.
 */
@ApplicationScoped
public class TestTokenCustomizer implements AccessTokenCustomizer {

  @Override
  public void customize(AccessTokenContext token) {
    String username = token.username() == null ? "" : token.username();
    if (username.startsWith("tier-")) {
      token
          .claim("tier", "gold")
          .claim("entitlements", List.of("export", "audit"))
          .claim("limits", Map.of("tasks", 100, "client", token.clientId()));
    } else if (username.startsWith("boom-")) {
      throw new IllegalStateException("the billing system is down");
    } else if (username.startsWith("sneaky-")) {
      token.claim("sub", "someone-else");
    }
  }
}
