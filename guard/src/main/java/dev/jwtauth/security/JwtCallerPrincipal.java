package dev.jwtauth.security;

import dev.jwtauth.guard.Jsons;
import dev.jwtauth.verify.VerifiedToken;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller of a request with a verified bearer token, as MicroProfile JWT presents it. */
public final class JwtCallerPrincipal implements JsonWebToken {

  /** Injected when a request has no verified token: every claim is absent. */
  static final JwtCallerPrincipal ANONYMOUS =
      new JwtCallerPrincipal(new VerifiedToken("", Map.of()));

  private final VerifiedToken token;

  public JwtCallerPrincipal(VerifiedToken token) {
    this.token = token;
  }

  public VerifiedToken token() {
    return token;
  }

  /** MP-JWT: {@code upn}, else {@code preferred_username}, else {@code sub}. */
  @Override
  public String getName() {
    for (String claim : List.of("upn", "preferred_username", "sub")) {
      if (token.claims().get(claim) instanceof String name) {
        return name;
      }
    }
    return null;
  }

  /** Never null: no groups is an empty set. */
  @Override
  public Set<String> getGroups() {
    return token.groups();
  }

  @Override
  public Set<String> getClaimNames() {
    Set<String> names = new LinkedHashSet<>(token.claims().keySet());
    if (!token.rawToken().isEmpty()) {
      names.add("raw_token");
    }
    return names;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T getClaim(String name) {
    if ("raw_token".equals(name)) {
      return token.rawToken().isEmpty() ? null : (T) token.rawToken();
    }
    return (T) claimValue(name);
  }

  /**
   * The value types MP-JWT 2.1 promises: String, Long, Boolean, Set&lt;String&gt; or JSON-P values.
   */
  private Object claimValue(String name) {
    Object value = token.claims().get(name);
    if (value == null) {
      return null;
    }
    if ("groups".equals(name)) {
      return token.groups();
    }
    if ("aud".equals(name)) {
      return token.audience();
    }
    if (value instanceof Number number) {
      return number instanceof Double || number instanceof Float
          ? Jsons.value(number.doubleValue())
          : Long.valueOf(number.longValue());
    }
    if (value instanceof List<?> list) {
      return Jsons.array(list).build();
    }
    if (value instanceof Map<?, ?> map) {
      @SuppressWarnings("unchecked")
      Map<String, Object> object = (Map<String, Object>) map;
      return Jsons.object(object).build();
    }
    return value;
  }

  @Override
  public String toString() {
    // Never the raw token.
    return "JwtCallerPrincipal[sub=" + token.subject() + ", jti=" + token.jti() + "]";
  }
}
