package dev.jwtauth.security;

import java.util.List;
import java.util.Locale;

/**
 * What the {@code Authorization} headers of a request hold, as far as bearer tokens go (RFC 6750
 * §2.1).
 *
 * @param kind what was found
 * @param token the token when {@code kind} is {@link Kind#TOKEN}, else null
 */
public record BearerCredentials(Kind kind, String token) {

  public enum Kind {
    /** No Authorization header, or one with another scheme: the caller stays anonymous. */
    ABSENT,
    /** More than one credential: refused with 400 invalid_request. */
    MULTIPLE,
    /** "Bearer" with nothing after it: refused with 401 invalid_token. */
    EMPTY,
    TOKEN
  }

  private static final String SCHEME = "bearer";

  public static BearerCredentials extract(List<String> authorizationHeaders) {
    if (authorizationHeaders == null || authorizationHeaders.isEmpty()) {
      return new BearerCredentials(Kind.ABSENT, null);
    }
    if (authorizationHeaders.size() > 1) {
      return new BearerCredentials(Kind.MULTIPLE, null);
    }
    String header = authorizationHeaders.get(0).strip();
    // A space or a tab after the scheme: Undertow (WildFly) turns a tab into a space before the
    // application sees the header, so accepting both is what makes the two servers agree.
    int space = firstBlank(header);
    String scheme = (space < 0 ? header : header.substring(0, space)).toLowerCase(Locale.ROOT);
    if (!scheme.equals(SCHEME)) {
      return new BearerCredentials(Kind.ABSENT, null);
    }
    String token = space < 0 ? "" : header.substring(space + 1).strip();
    if (token.isEmpty()) {
      return new BearerCredentials(Kind.EMPTY, null);
    }
    if (token.indexOf(',') >= 0) {
      // "Bearer a, Bearer b": a list of credentials in one header.
      return new BearerCredentials(Kind.MULTIPLE, null);
    }
    return new BearerCredentials(Kind.TOKEN, token);
  }

  private static int firstBlank(String header) {
    for (int i = 0; i < header.length(); i++) {
      if (header.charAt(i) == ' ' || header.charAt(i) == '\t') {
        return i;
      }
    }
    return -1;
  }
}
