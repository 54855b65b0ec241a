package dev.jwtauth.clients;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a client's access tokens carry beyond the fixed claims: profile claims, {@code permissions},
 * {@code org_id} (which a member's tokens carry anyway: the tenant rules need it), {@code
 * attr:<key>} for an attribute (claim name = the key), and the compatibility claims other verifiers
 * need ({@code roles}, {@code realm_access}, a payload {@code typ} of {@code Bearer}).
 */
public final class ClaimSet {

  /** A client defined without a claim set (and {@code web}): the user's permissions. */
  public static final Set<String> DEFAULT = Set.of("permissions");

  public static final String ATTRIBUTE_PREFIX = "attr:";

  /** The claims every token has its own way; no mapping may name them. */
  public static final Set<String> FIXED =
      Set.of(
          "iss",
          "sub",
          "aud",
          "exp",
          "iat",
          "nbf",
          "jti",
          "client_id",
          "scope",
          "groups",
          "sid",
          "act",
          "cnf",
          "upn",
          "preferred_username");

  /** The claims a claim set may name besides {@code attr:<key>}. */
  public static final Set<String> KNOWN =
      Set.of(
          "email",
          "email_verified",
          "name",
          "given_name",
          "family_name",
          "permissions",
          "org_id",
          "roles",
          "realm_access",
          "typ");

  private static final Pattern ATTRIBUTE_KEY = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  private ClaimSet() {}

  /**
   * What discovery lists as {@code claims_supported}: the fixed claims our tokens carry and those a
   * claim set can add (not {@code cnf}, which no token carries yet, nor the payload {@code typ}).
   */
  public static List<String> supported() {
    Set<String> all = new TreeSet<>(FIXED);
    all.addAll(KNOWN);
    all.remove("cnf");
    all.remove("typ");
    return List.copyOf(all);
  }

  /**
   * A client's claim set as given, checked; null stays null (the default).
   *
   * @throws InvalidClientDefinitionException naming the claim that cannot be mapped
   */
  public static Set<String> checked(Collection<String> claims) {
    if (claims == null) {
      return null;
    }
    Set<String> checked = new TreeSet<>();
    for (String claim : claims) {
      if (claim != null && claim.startsWith(ATTRIBUTE_PREFIX)) {
        String key = claim.substring(ATTRIBUTE_PREFIX.length());
        if (!ATTRIBUTE_KEY.matcher(key).matches() || FIXED.contains(key) || KNOWN.contains(key)) {
          throw new InvalidClientDefinitionException(
              "claims: "
                  + claim
                  + " names no attribute key, or a claim of its own (a fixed or a mapped one)");
        }
      } else if (!KNOWN.contains(claim)) {
        throw new InvalidClientDefinitionException(
            "claims: " + claim + " is not one of " + new TreeSet<>(KNOWN) + " or attr:<key>");
      }
      checked.add(claim);
    }
    return Set.copyOf(checked);
  }
}
