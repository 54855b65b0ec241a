package dev.jwtauth.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.jwtauth.clients.ClaimSet;
import dev.jwtauth.config.TokenSettings;
import dev.jwtauth.keys.ActiveSigner;
import dev.jwtauth.verify.Scopes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Builds and signs access tokens shaped as docs/security.md says (RFC 9068 claims that MP-JWT
 * verifiers accept).
 */
public final class AccessTokenIssuer {

  private final TokenSettings settings;
  private final Supplier<ActiveSigner> signer;
  private final Clock clock;
  private final Consumer<AccessTokenContext> customizers;

  /** An issuer without customizers. */
  public AccessTokenIssuer(TokenSettings settings, Supplier<ActiveSigner> signer, Clock clock) {
    this(settings, signer, clock, token -> {});
  }

  /**
   * @param customizers run on every token issued with {@link #issue}, after the user claims
   */
  public AccessTokenIssuer(
      TokenSettings settings,
      Supplier<ActiveSigner> signer,
      Clock clock,
      Consumer<AccessTokenContext> customizers) {
    this.settings = settings;
    this.signer = signer;
    this.clock = clock;
    this.customizers = customizers;
  }

  /** The lifetime of a token whose request names none. */
  public Duration defaultLifetime() {
    return settings.accessTokenTtl();
  }

  /**
   * @throws TokenCustomizationException when a customizer fails (no token is made)
   */
  public IssuedAccessToken issue(TokenRequest request) {
    return issue(request, true);
  }

  /** The token as {@link #issue} makes it, without the customizers: to measure, never to send. */
  public IssuedAccessToken issueUncustomized(TokenRequest request) {
    return issue(request, false);
  }

  private IssuedAccessToken issue(TokenRequest request, boolean customized) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Duration lifetime = request.lifetime() != null ? request.lifetime() : settings.accessTokenTtl();
    Instant expiresAt = now.plus(lifetime);
    String jti = UUID.randomUUID().toString();
    String scope = Scopes.of(request.scopes()).toString();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(settings.issuer())
            .subject(request.subject())
            .audience(request.audiences() != null ? request.audiences() : settings.audiences())
            .expirationTime(Date.from(expiresAt))
            .notBeforeTime(Date.from(now))
            .issueTime(Date.from(now))
            .jwtID(jti)
            .claim("client_id", request.clientId())
            .claim("scope", scope)
            .claim("upn", request.username())
            .claim("preferred_username", request.username());
    if (!request.groups().isEmpty()) {
      claims.claim("groups", List.copyOf(new TreeSet<>(request.groups())));
    }
    if (request.actor() != null) {
      claims.claim(
          "act",
          request.actorSessionId() == null
              ? Map.of("sub", request.actor())
              : Map.of("sub", request.actor(), "sid", request.actorSessionId()));
    }
    if (request.sessionId() != null) {
      claims.claim("sid", request.sessionId());
    }
    JWTClaimsSet fixed = claims.build();
    // Added last and only where nothing is set: no mapping or hook overrides a fixed claim.
    request
        .userClaims()
        .forEach(
            (name, value) -> {
              if (fixed.getClaim(name) == null && !ClaimSet.FIXED.contains(name)) {
                claims.claim(name, value);
              }
            });
    if (customized) {
      AccessTokenContext context = new AccessTokenContext(request, claims.build().toJSONObject());
      customizers.accept(context);
      // Checked again here, so that no customizer, whatever it did to its context, sets a fixed
      // claim.
      context
          .added()
          .forEach(
              (name, value) -> {
                if (!AccessTokenContext.PROTECTED.contains(name)) {
                  claims.claim(name, value);
                }
              });
    }
    ActiveSigner key = signer.get();
    JWSHeader header =
        new JWSHeader.Builder(key.algorithm())
            .keyID(key.kid())
            .type(new JOSEObjectType(settings.accessTokenType()))
            .build();
    SignedJWT jwt = new SignedJWT(header, claims.build());
    try {
      jwt.sign(key.signer());
    } catch (JOSEException e) {
      throw new IllegalStateException("Signing with key " + key.kid() + " failed", e);
    }
    return new IssuedAccessToken(
        jwt.serialize(), jti, expiresAt, lifetime.toSeconds(), request.scopes());
  }
}
