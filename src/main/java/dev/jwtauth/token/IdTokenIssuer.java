package dev.jwtauth.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.jwtauth.keys.ActiveSigner;
import dev.jwtauth.users.UserProfile;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Builds and signs OpenID Connect ID tokens (OIDC Core §2) with the keys of the access tokens. An
 * ID token is for its client alone: {@code aud} is the client id, {@code typ} is {@code JWT}, and
 * it has no {@code scope} or {@code client_id}, so no verifier of access tokens takes it for one
 * (docs/security.md).
 */
public final class IdTokenIssuer {

  /**
   * What an ID token says.
   *
   * @param subject the access token's {@code sub}
   * @param nonce echoed from the authorization request, or null
   * @param sessionId the browser session ({@code sid})
   * @param accessToken the access token issued with it, for {@code at_hash}
   * @param identity the claims of the granted scopes ({@link #identityClaims})
   */
  public record IdTokenRequest(
      String subject,
      String clientId,
      String nonce,
      Instant authTime,
      String sessionId,
      String accessToken,
      Map<String, Object> identity) {}

  private final String issuer;
  private final Supplier<ActiveSigner> signer;
  private final Clock clock;
  private final Duration lifetime;

  public IdTokenIssuer(
      String issuer, Supplier<ActiveSigner> signer, Clock clock, Duration lifetime) {
    this.issuer = issuer;
    this.signer = signer;
    this.clock = clock;
    this.lifetime = lifetime;
  }

  public String issue(IdTokenRequest request) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    ActiveSigner key = signer.get();
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder();
    // The identity claims first: the fixed ones below replace any of the same name.
    request.identity().forEach(claims::claim);
    claims
        .issuer(issuer)
        .subject(request.subject())
        .audience(request.clientId())
        .claim("azp", request.clientId())
        .expirationTime(Date.from(now.plus(lifetime)))
        .issueTime(Date.from(now))
        .claim("auth_time", request.authTime().getEpochSecond())
        .claim("sid", request.sessionId())
        .claim("at_hash", atHash(request.accessToken(), key.algorithm()));
    if (request.nonce() != null) {
      claims.claim("nonce", request.nonce());
    }
    JWSHeader header =
        new JWSHeader.Builder(key.algorithm()).keyID(key.kid()).type(JOSEObjectType.JWT).build();
    SignedJWT jwt = new SignedJWT(header, claims.build());
    try {
      jwt.sign(key.signer());
    } catch (JOSEException e) {
      throw new IllegalStateException("Signing with key " + key.kid() + " failed", e);
    }
    return jwt.serialize();
  }

  /**
   * The claims an ID token and userinfo carry for the granted scopes (OIDC Core §5.4): {@code
   * profile} → the names, {@code preferred_username} and {@code updated_at}, {@code email} → {@code
   * email} and {@code email_verified}; a value the user does not have is absent.
   *
   * @param profile the user's profile, or null for a caller of another identity store
   * @param profileUpdatedAt when the profile last changed ({@code updated_at}), or null
   */
  public static Map<String, Object> identityClaims(
      Collection<String> scopes, String username, UserProfile profile, Instant profileUpdatedAt) {
    Map<String, Object> claims = new LinkedHashMap<>();
    if (scopes.contains("profile")) {
      if (profile != null) {
        putPresent(claims, "name", profile.name());
        putPresent(claims, "given_name", profile.givenName());
        putPresent(claims, "family_name", profile.familyName());
      }
      claims.put("preferred_username", username);
      if (profile != null && profileUpdatedAt != null) {
        claims.put("updated_at", profileUpdatedAt.getEpochSecond());
      }
    }
    if (scopes.contains("email") && profile != null && profile.email() != null) {
      claims.put("email", profile.email());
      claims.put("email_verified", profile.emailVerified());
    }
    return claims;
  }

  private static void putPresent(Map<String, Object> claims, String name, String value) {
    if (value != null) {
      claims.put(name, value);
    }
  }

  /**
   * OIDC Core §3.1.3.6: base64url of the left half of the access token's hash, with the hash of the
   * signing algorithm (SHA-512 for EdDSA, as its signatures use).
   */
  static String atHash(String accessToken, JWSAlgorithm algorithm) {
    String name = algorithm.getName();
    String digest = name.endsWith("384") ? "SHA-384" : name.endsWith("256") ? "SHA-256" : "SHA-512";
    try {
      byte[] hash =
          MessageDigest.getInstance(digest).digest(accessToken.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(Arrays.copyOf(hash, hash.length / 2));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(digest + " is missing from this JVM", e);
    }
  }
}
