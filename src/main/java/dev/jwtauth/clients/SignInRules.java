package dev.jwtauth.clients;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a client's browser sign-in must be: {@code https} addresses, or {@code http} on a loopback
 * host (RFC 8252 §7.3, for native apps and development), with no fragment, no user info and no
 * wildcard (exact match only, RFC 9700 §4.1.3); the {@code authorization_code} grant with at least
 * one redirect URI, and redirect URIs only with that grant.
 */
public final class SignInRules {

  static final int MAX_URIS = 20;
  static final int MAX_URI_LENGTH = 2000;
  static final int MAX_NAME_LENGTH = 100;

  private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}");

  private SignInRules() {}

  /**
   * @throws InvalidClientDefinitionException naming the first rule broken
   */
  static void check(Client client) {
    SignIn signIn = client.signIn();
    boolean codeFlow = client.mayUse(Client.AUTHORIZATION_CODE);
    if (codeFlow && signIn.redirectUris().isEmpty()) {
      throw invalid("The authorization_code grant needs at least one redirect_uri");
    }
    if (!codeFlow
        && !(signIn.redirectUris().isEmpty() && signIn.postLogoutRedirectUris().isEmpty())) {
      throw invalid(
          "redirect_uris and post_logout_redirect_uris are for the authorization_code grant");
    }
    checkUris("redirect_uris", signIn.redirectUris());
    checkUris("post_logout_redirect_uris", signIn.postLogoutRedirectUris());
    String name = signIn.name();
    if (name != null
        && (name.isBlank()
            || name.length() > MAX_NAME_LENGTH
            || name.chars().anyMatch(Character::isISOControl))) {
      throw invalid("name must be 1 to 100 characters, not blank, no control characters");
    }
  }

  private static void checkUris(String what, List<String> uris) {
    if (uris.size() > MAX_URIS) {
      throw invalid(what + " may hold at most " + MAX_URIS + " addresses");
    }
    uris.forEach(uri -> checkUri(what, uri));
  }

  static void checkUri(String what, String uri) {
    if (uri == null || uri.isEmpty() || uri.length() > MAX_URI_LENGTH) {
      throw invalid(what + ": an address has 1 to " + MAX_URI_LENGTH + " characters");
    }
    URI parsed;
    try {
      parsed = new URI(uri);
    } catch (URISyntaxException e) {
      throw invalid(what + ": " + uri + " is not a URI");
    }
    if (!parsed.isAbsolute() || parsed.isOpaque() || parsed.getHost() == null) {
      throw invalid(what + ": " + uri + " must be an absolute http(s) URL with a host");
    }
    if (uri.indexOf('#') >= 0) {
      throw invalid(what + ": " + uri + " must not have a fragment");
    }
    if (uri.indexOf('*') >= 0) {
      throw invalid(what + ": " + uri + " must not have a wildcard (addresses match exactly)");
    }
    if (parsed.getRawUserInfo() != null) {
      throw invalid(what + ": " + uri + " must not have user information");
    }
    String scheme = parsed.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !(scheme.equals("http") && loopback(parsed.getHost()))) {
      throw invalid(what + ": " + uri + " must use https (http only on a loopback host)");
    }
  }

  /** 127.0.0.0/8, [::1] or localhost (RFC 8252 §7.3, §8.3). */
  /**
   * The origin (RFC 6454) of a registered redirect URI, as a browser sends it in {@code Origin}:
   * lower-case scheme and host, the port only when it is not the scheme's default.
   */
  public static String origin(String uri) {
    URI parsed = URI.create(uri);
    String scheme = parsed.getScheme().toLowerCase(Locale.ROOT);
    int port = parsed.getPort();
    boolean defaultPort =
        port == -1
            || ("https".equals(scheme) && port == 443)
            || ("http".equals(scheme) && port == 80);
    return scheme
        + "://"
        + parsed.getHost().toLowerCase(Locale.ROOT)
        + (defaultPort ? "" : ":" + port);
  }

  static boolean loopback(String host) {
    String lower = host.toLowerCase(Locale.ROOT);
    return lower.equals("localhost")
        || lower.equals("[::1]")
        || IPV4_LOOPBACK.matcher(lower).matches();
  }

  private static InvalidClientDefinitionException invalid(String message) {
    return new InvalidClientDefinitionException(message);
  }
}
