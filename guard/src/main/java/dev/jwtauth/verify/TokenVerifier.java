package dev.jwtauth.verify;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.jwtauth.guard.GuardSettings;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Applies the verification rules (docs/security.md, "Access tokens") to a presented access token.
 * Checks run from the cheapest to the dearest, and no claim is trusted before the signature is.
 */
public final class TokenVerifier {

  /**
   * The longest {@code exp - iat} accepted: the longest lifetime any client may be given. A user's
   * or session's revocation is kept this long (plus the skew), so it covers every accepted token.
   */
  public static final Duration MAX_LIFETIME = Duration.ofDays(1);

  private final String issuer;
  private final String type;
  private final Duration skew;
  private final RevocationCheck revocation;
  private final Clock clock;
  private final VerifiedTokenCache cache;

  /** The token service itself: its issuer, audience and keys. */
  private final TrustedIssuer own;

  /** Further issuers by their {@code iss} (rule 5.5); usually none. */
  private final Map<String, TrustedIssuer> trusted;

  /** Without a cache: every token is verified in full. */
  public TokenVerifier(
      GuardSettings settings, VerificationKeys keys, RevocationCheck revocation, Clock clock) {
    this(settings, keys, revocation, clock, VerifiedTokenCache.disabled());
  }

  public TokenVerifier(
      GuardSettings settings,
      VerificationKeys keys,
      RevocationCheck revocation,
      Clock clock,
      VerifiedTokenCache cache) {
    this(settings, keys, revocation, clock, cache, List.of());
  }

  /**
   * @param trusted issuers whose tokens are accepted besides the service's, each verified with its
   *     own keys only (none with the service's issuer)
   */
  public TokenVerifier(
      GuardSettings settings,
      VerificationKeys keys,
      RevocationCheck revocation,
      Clock clock,
      VerifiedTokenCache cache,
      List<TrustedIssuer> trusted) {
    this.cache = cache;
    this.issuer = settings.issuer();
    this.type = normalizedType(settings.accessTokenType());
    this.skew = settings.clockSkew();
    this.revocation = revocation;
    this.clock = clock;
    this.own = new TrustedIssuer(settings.issuer(), settings.audience(), null, keys);
    Map<String, TrustedIssuer> byIssuer = new HashMap<>();
    for (TrustedIssuer other : trusted) {
      if (other.issuer().equals(issuer) || byIssuer.put(other.issuer(), other) != null) {
        throw new IllegalArgumentException("The issuer " + other.issuer() + " is trusted twice");
      }
    }
    this.trusted = Map.copyOf(byIssuer);
  }

  public VerifiedToken verify(String token) throws InvalidTokenException {
    if (token == null || token.isBlank()) {
      throw new InvalidTokenException(Reason.MALFORMED);
    }
    if (token.length() > GuardSettings.MAX_TOKEN_LENGTH) {
      throw new InvalidTokenException(Reason.TOO_LARGE);
    }
    VerifiedTokenCache.Entry hit = cache.get(token);
    if (hit != null) {
      TrustedIssuer source = trusted.isEmpty() ? own : sourceOf(hit.token().issuer());
      if (source.keys().find(source.issuer(), hit.key().kid()).orElse(null) == hit.key()) {
        // Signature and claims cannot have changed; time and revocations can.
        checkNotExpired(hit.token().expiresAt());
        checkNotRevoked(hit.token());
        cache.countHit();
        return hit.token();
      }
      cache.invalidate(token); // its key was withdrawn or reloaded: verify in full
    }
    cache.countMiss();
    SignedJWT jws = parse(token);
    // Which issuer's keys may verify it: the service's, unless it names a trusted issuer. The
    // claimed iss only picks the keys; it and every other claim are trusted once the signature of
    // that issuer's key holds.
    TrustedIssuer source = trusted.isEmpty() ? own : sourceOf(claims(jws).getIssuer());
    VerificationKey key = checkHeader(jws.getHeader(), source);
    checkSignature(jws, key);
    JWTClaimsSet claims = claims(jws);
    checkClaims(claims, source);
    VerifiedToken verified =
        new VerifiedToken(
            token,
            source.mapsRoles()
                ? source.withRolesAsGroups(claims.toJSONObject())
                : claims.toJSONObject());
    checkNotRevoked(verified);
    cache.put(token, verified, key, verified.expiresAt().plus(skew));
    return verified;
  }

  private void checkNotRevoked(VerifiedToken token) throws InvalidTokenException {
    if (revocation.isRevoked(token)) {
      throw new InvalidTokenException(Reason.REVOKED);
    }
    if (!revocation.available()) {
      throw new InvalidTokenException(Reason.REVOCATION_STATE_UNAVAILABLE);
    }
  }

  private TrustedIssuer sourceOf(String claimedIssuer) {
    TrustedIssuer source = claimedIssuer == null ? null : trusted.get(claimedIssuer);
    return source == null ? own : source;
  }

  private static JWTClaimsSet claims(SignedJWT jws) throws InvalidTokenException {
    try {
      return jws.getJWTClaimsSet(); // parsed once, kept by the JWS
    } catch (ParseException e) {
      throw new InvalidTokenException(Reason.MALFORMED);
    }
  }

  private static SignedJWT parse(String token) throws InvalidTokenException {
    try {
      // The common case, with the header decoded once; anything else is classified below.
      return SignedJWT.parse(token);
    } catch (ParseException notAJws) {
      // fall through
    }
    JWT jwt;
    try {
      jwt = JWTParser.parse(token);
    } catch (ParseException e) {
      throw new InvalidTokenException(Reason.MALFORMED);
    }
    if (jwt instanceof PlainJWT) {
      throw new InvalidTokenException(Reason.UNSECURED);
    }
    if (jwt instanceof EncryptedJWT) {
      throw new InvalidTokenException(Reason.ENCRYPTED);
    }
    if (!(jwt instanceof SignedJWT jws)) {
      throw new InvalidTokenException(Reason.MALFORMED);
    }
    return jws;
  }

  /**
   * Rules 2–4: the key named by {@code kid} fixes the algorithm; key references in the token are
   * never used.
   */
  private VerificationKey checkHeader(JWSHeader header, TrustedIssuer source)
      throws InvalidTokenException {
    if (header.getJWKURL() != null
        || header.getJWK() != null
        || header.getX509CertURL() != null
        || header.getX509CertChain() != null) {
      throw new InvalidTokenException(Reason.UNTRUSTED_HEADER);
    }
    if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
      // We understand no extension parameter, so any "crit" entry must be refused (RFC 7515
      // §4.1.11).
      throw new InvalidTokenException(Reason.UNKNOWN_CRITICAL_HEADER);
    }
    JOSEObjectType typ = header.getType();
    if (typ == null || !type.equals(normalizedType(typ.getType()))) {
      throw new InvalidTokenException(Reason.WRONG_TYPE);
    }
    String kid = header.getKeyID();
    VerificationKey key =
        kid == null ? null : source.keys().find(source.issuer(), kid).orElse(null);
    if (key == null) {
      throw new InvalidTokenException(Reason.UNKNOWN_KEY);
    }
    if (!key.algorithm().equals(header.getAlgorithm())) {
      throw new InvalidTokenException(Reason.ALGORITHM_NOT_ALLOWED);
    }
    return key;
  }

  private static void checkSignature(SignedJWT jws, VerificationKey key)
      throws InvalidTokenException {
    boolean valid;
    try {
      valid = jws.verify(key.verifier());
    } catch (JOSEException e) {
      valid = false;
    }
    if (!valid) {
      throw new InvalidTokenException(Reason.BAD_SIGNATURE);
    }
  }

  /** Rule 5's expiry, which a cached token meets again on every request. */
  private void checkNotExpired(Instant exp) throws InvalidTokenException {
    if (!exp.plus(skew).isAfter(clock.instant())) {
      throw new InvalidTokenException(Reason.EXPIRED);
    }
  }

  /** Rule 5. */
  private void checkClaims(JWTClaimsSet claims, TrustedIssuer source) throws InvalidTokenException {
    if (!source.issuer().equals(claims.getIssuer())) {
      throw new InvalidTokenException(Reason.WRONG_ISSUER);
    }
    List<String> aud = claims.getAudience();
    if (aud == null || !aud.contains(source.audience())) {
      throw new InvalidTokenException(Reason.WRONG_AUDIENCE);
    }
    Instant now = clock.instant();
    Date exp = claims.getExpirationTime();
    Date iat = claims.getIssueTime();
    if (exp == null) {
      throw new InvalidTokenException(Reason.MISSING_CLAIM, "The access token has no exp claim");
    }
    if (iat == null) {
      throw new InvalidTokenException(Reason.MISSING_CLAIM, "The access token has no iat claim");
    }
    checkNotExpired(exp.toInstant());
    Instant latestAcceptable = now.plus(skew);
    Date nbf = claims.getNotBeforeTime();
    if ((nbf != null && nbf.toInstant().isAfter(latestAcceptable))
        || iat.toInstant().isAfter(latestAcceptable)) {
      throw new InvalidTokenException(Reason.NOT_YET_VALID);
    }
    if (Duration.between(iat.toInstant(), exp.toInstant()).compareTo(MAX_LIFETIME) > 0) {
      throw new InvalidTokenException(Reason.LIFETIME_TOO_LONG);
    }
    if (isBlank(claims.getSubject())) {
      throw new InvalidTokenException(Reason.MISSING_CLAIM, "The access token has no sub claim");
    }
    if (isBlank(claims.getJWTID())) {
      throw new InvalidTokenException(Reason.MISSING_CLAIM, "The access token has no jti claim");
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  /** {@code typ} compares case-insensitively and may omit "application/" (RFC 7515 §4.1.9). */
  private static String normalizedType(String typ) {
    String lower = typ.toLowerCase(Locale.ROOT);
    return lower.startsWith("application/") ? lower.substring("application/".length()) : lower;
  }
}
