package dev.jwtauth.verify;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.jwtauth.guard.GuardSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Keys generated per test run, settings, a fixed clock, and a builder of tokens that tests spoil
 * one rule at a time.
 */
public final class TestTokens {

  public static final String ISSUER = "https://issuer.test";
  public static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  public static final RSAKey KEY = generate("test-key");
  public static final RSAKey OTHER_KEY = generate("other-key");

  /** The guard's settings. */
  public static GuardSettings settings() {
    return new GuardSettings(ISSUER, "api", "JWT", Duration.ofSeconds(30), "auth", 0);
  }

  /** Only {@link #KEY} is known, as RS256. */
  public static VerificationKeys keys() {
    try {
      VerificationKey known =
          new VerificationKey(
              KEY.getKeyID(), JWSAlgorithm.RS256, new RSASSAVerifier(KEY.toRSAPublicKey()));
      return (issuer, kid) ->
          ISSUER.equals(issuer) && KEY.getKeyID().equals(kid)
              ? Optional.of(known)
              : Optional.empty();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  public static TokenVerifier verifier() {
    return verifier(token -> false); // nothing revoked
  }

  public static TokenVerifier verifier(RevocationCheck revocation) {
    return new TokenVerifier(settings(), keys(), revocation, CLOCK);
  }

  /** Claims that pass every rule. */
  public static JWTClaimsSet.Builder validClaims() {
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .subject(UUID.randomUUID().toString())
        .audience("api")
        .issueTime(Date.from(NOW.minusSeconds(60)))
        .notBeforeTime(Date.from(NOW.minusSeconds(60)))
        .expirationTime(Date.from(NOW.plusSeconds(840)))
        .jwtID(UUID.randomUUID().toString())
        .claim("upn", "alice")
        .claim("groups", List.of("user"));
  }

  /** A header that passes every rule. */
  public static JWSHeader.Builder validHeader() {
    return new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).type(JOSEObjectType.JWT);
  }

  public static String sign(JWSHeader header, JWTClaimsSet claims, RSAKey key) {
    try {
      SignedJWT jwt = new SignedJWT(header, claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String valid() {
    return sign(validHeader().build(), validClaims().build(), KEY);
  }

  public static String withClaims(Consumer<JWTClaimsSet.Builder> change) {
    JWTClaimsSet.Builder claims = validClaims();
    change.accept(claims);
    return sign(validHeader().build(), claims.build(), KEY);
  }

  public static String withHeader(Consumer<JWSHeader.Builder> change) {
    JWSHeader.Builder header = validHeader();
    change.accept(header);
    return sign(header.build(), validClaims().build(), KEY);
  }

  private static RSAKey generate(String kid) {
    try {
      return new RSAKeyGenerator(2048)
          .keyID(kid)
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS256)
          .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private TestTokens() {}
}
