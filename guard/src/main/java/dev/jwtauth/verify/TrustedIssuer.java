package dev.jwtauth.verify;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An issuer other than the token service whose access tokens are accepted too (rule 5.5): its
 * tokens are verified with its own keys only, must name its audience, and carry their roles where
 * {@code rolesPointer} says (a JSON pointer such as {@code /realm_access/roles} for Keycloak),
 * which become the caller's {@code groups}.
 *
 * @param rolesPointer null or {@code /groups}: the token's own {@code groups}
 */
public record TrustedIssuer(
    String issuer, String audience, String rolesPointer, VerificationKeys keys) {

  public TrustedIssuer {
    if (issuer == null || issuer.isBlank()) {
      throw new IllegalArgumentException("a trusted issuer needs its issuer");
    }
    if (audience == null || audience.isBlank()) {
      throw new IllegalArgumentException("the trusted issuer " + issuer + " needs an audience");
    }
    if (rolesPointer != null && !rolesPointer.isEmpty() && !rolesPointer.startsWith("/")) {
      throw new IllegalArgumentException(
          "the roles claim of " + issuer + " must be a JSON pointer such as /realm_access/roles");
    }
  }

  /** Whether the roles come from somewhere else than {@code groups}. */
  boolean mapsRoles() {
    return rolesPointer != null && !rolesPointer.isEmpty() && !rolesPointer.equals("/groups");
  }

  /**
   * The claims with {@code groups} replaced by the strings at the roles pointer (none when it leads
   * nowhere, or to something else than a string or a list of strings).
   */
  Map<String, Object> withRolesAsGroups(Map<String, Object> claims) {
    Map<String, Object> mapped = new java.util.HashMap<>(claims);
    mapped.put("groups", rolesAt(claims).orElse(List.of()));
    return mapped;
  }

  private Optional<List<String>> rolesAt(Map<String, Object> claims) {
    Object node = claims;
    for (String token : rolesPointer.substring(1).split("/", -1)) {
      String name = token.replace("~1", "/").replace("~0", "~");
      if (!(node instanceof Map<?, ?> object)) {
        return Optional.empty();
      }
      node = object.get(name);
    }
    if (node instanceof String role) {
      return Optional.of(List.of(role));
    }
    if (node instanceof Collection<?> values) {
      List<String> roles = new ArrayList<>();
      for (Object value : values) {
        if (value instanceof String role) {
          roles.add(role);
        }
      }
      return Optional.of(List.copyOf(roles));
    }
    return Optional.empty();
  }
}
