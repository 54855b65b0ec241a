package dev.jwtauth.token;

import dev.jwtauth.clients.ClaimSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an {@link AccessTokenCustomizer} sees of a token being issued, and the one way it changes
 * it: {@link #claim} adds a claim.
 */
public final class AccessTokenContext {

  /** What a customizer may not set: the fixed claims and the tenant. */
  static final Set<String> PROTECTED = protectedClaims();

  private final TokenRequest request;
  private final Map<String, Object> claims;
  private final Map<String, Object> added = new LinkedHashMap<>();

  AccessTokenContext(TokenRequest request, Map<String, Object> claims) {
    this.request = request;
    this.claims = Collections.unmodifiableMap(claims);
  }

  /** The {@code sub}: a user's id, or a client's for its own tokens. */
  public String subject() {
    return request.subject();
  }

  /** The {@code preferred_username} (a client's id for its own tokens). */
  public String username() {
    return request.username();
  }

  public String clientId() {
    return request.clientId();
  }

  public Set<String> scopes() {
    return request.scopes();
  }

  /** The roles, as the {@code groups} claim carries them. */
  public Set<String> groups() {
    return request.groups();
  }

  /** Every claim so far, fixed and mapped, as the token will carry it (read-only). */
  public Map<String, Object> claims() {
    return claims;
  }

  /**
   * Adds a claim (or replaces one this or an earlier customizer added, or a mapped profile claim).
   *
   * @param value a String, Boolean, Number, or a List or Map of those
   * @throws IllegalArgumentException for a fixed claim, {@code org_id}, or another kind of value
   */
  public AccessTokenContext claim(String name, Object value) {
    if (name == null || name.isEmpty() || PROTECTED.contains(name)) {
      throw new IllegalArgumentException("A customizer cannot set the claim " + name);
    }
    if (!isJson(value)) {
      throw new IllegalArgumentException(
          "The claim " + name + " must be a string, boolean, number, or a list or map of those");
    }
    added.put(name, value);
    return this;
  }

  /** What the customizers added. */
  Map<String, Object> added() {
    return added;
  }

  private static boolean isJson(Object value) {
    if (value instanceof String || value instanceof Boolean || value instanceof Number) {
      return true;
    }
    if (value instanceof List<?> list) {
      return list.stream().allMatch(AccessTokenContext::isJson);
    }
    if (value instanceof Map<?, ?> map) {
      return map.entrySet().stream()
          .allMatch(entry -> entry.getKey() instanceof String && isJson(entry.getValue()));
    }
    return false;
  }

  private static Set<String> protectedClaims() {
    Set<String> names = new java.util.HashSet<>(ClaimSet.FIXED);
    names.add(UserClaims.ORGANIZATION);
    return Set.copyOf(names);
  }
}
