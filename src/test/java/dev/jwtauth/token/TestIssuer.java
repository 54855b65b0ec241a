package dev.jwtauth.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSASigner;
import dev.jwtauth.config.TokenSettings;
import dev.jwtauth.keys.ActiveSigner;
import dev.jwtauth.verify.TestTokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The issuing side of {@link TestTokens}: its issuer, key and clock, with the service's settings.
 */
public final class TestIssuer {

  /** The issuing side's settings, matching {@link TestTokens#settings()}. */
  public static TokenSettings settings() {
    return new TokenSettings(
        TestTokens.ISSUER,
        List.of("api"),
        Duration.ofMinutes(15),
        Duration.ofSeconds(30),
        "JWT",
        Map.of("user", Set.of("tasks:read", "tasks:write"), "admin", Set.of("admin")),
        Map.of("user", Set.of("tasks:read", "tasks:write", "tasks:delete")));
  }

  /** An issuer with {@link #settings()} that signs RS256 with {@link TestTokens#KEY}. */
  public static AccessTokenIssuer issuer() {
    return issuer(token -> {});
  }

  /** As {@link #issuer()}, with customizers. */
  public static AccessTokenIssuer issuer(Consumer<AccessTokenContext> customizers) {
    try {
      RSASSASigner signer = new RSASSASigner(TestTokens.KEY);
      return new AccessTokenIssuer(
          settings(),
          () -> new ActiveSigner(TestTokens.KEY.getKeyID(), JWSAlgorithm.RS256, signer),
          TestTokens.CLOCK,
          customizers);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private TestIssuer() {}
}
