package dev.jwtauth.authorize;

import dev.jwtauth.clients.Client;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The checks of {@code /oauth2/authorize}, in the order that decides where an error goes: until the
 * client and its redirect URI are known good, only an error page (a redirect then would make us an
 * open redirector, RFC 9700 §4.11); after that, every error goes back to the client.
 */
public final class AuthorizationRequests {

  /** Longest {@code state}, {@code nonce} and {@code login_hint} taken. */
  static final int MAX_VALUE_LENGTH = 1000;

  static final int MAX_LOGIN_HINT_LENGTH = 200;

  private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");

  private AuthorizationRequests() {}

  /** Where a checked request goes. */
  public sealed interface Outcome {}

  /** 400, an HTML page: the client or its redirect URI cannot be trusted with a redirect. */
  public record ErrorPage(String message) implements Outcome {}

  /** 302 to the client's redirect URI with {@code error}, {@code error_description}, state. */
  public record ErrorRedirect(String redirectUri, String error, String description, String state)
      implements Outcome {}

  /** A request the login page (or a browser session) may answer. */
  public record Valid(AuthorizationRequest request) implements Outcome {}

  /**
   * @param parameters the query (or form), each parameter with every value it was given
   * @param clients the registry's lookup by id
   */
  public static Outcome check(
      Map<String, List<String>> parameters, Function<String, Optional<Client>> clients) {
    Params params = new Params(parameters);
    if (params.repeated("client_id")) {
      return new ErrorPage("client_id was given more than once.");
    }
    String clientId = params.get("client_id");
    if (clientId == null || clientId.isEmpty()) {
      return new ErrorPage("The request names no client (client_id).");
    }
    Optional<Client> found = clients.apply(clientId);
    if (found.isEmpty()) {
      return new ErrorPage("The client is not known here.");
    }
    Client client = found.get();
    if (params.repeated("redirect_uri")) {
      return new ErrorPage("redirect_uri was given more than once.");
    }
    String redirectUri = params.get("redirect_uri");
    if (redirectUri == null || redirectUri.isEmpty()) {
      return new ErrorPage("The request has no redirect_uri.");
    }
    if (!client.signIn().redirectUris().contains(redirectUri)) {
      return new ErrorPage("The redirect_uri is not registered for this client.");
    }

    // From here on the client hears of every error, with its state.
    String state = params.repeated("state") ? null : params.get("state");
    Function<String, ErrorRedirect> invalid =
        description -> new ErrorRedirect(redirectUri, "invalid_request", description, state);
    for (String name : parameters.keySet()) {
      if (params.repeated(name)) {
        return invalid.apply(name + " was given more than once");
      }
    }
    if (state != null && state.length() > MAX_VALUE_LENGTH) {
      return invalid.apply("state is longer than " + MAX_VALUE_LENGTH + " characters");
    }
    if (!client.mayUse(Client.AUTHORIZATION_CODE)) {
      return new ErrorRedirect(
          redirectUri,
          "unauthorized_client",
          "The client may not use the authorization code flow",
          state);
    }
    String responseType = params.get("response_type");
    if (responseType == null || responseType.isEmpty()) {
      return invalid.apply("response_type is required");
    }
    if (!responseType.equals("code")) {
      return new ErrorRedirect(
          redirectUri, "unsupported_response_type", "Only response_type=code is supported", state);
    }

    String scope = params.get("scope");
    Set<String> scopes = new LinkedHashSet<>();
    if (scope != null && !scope.isBlank()) {
      for (String token : scope.trim().split(" +")) {
        if (!SCOPE_TOKEN.matcher(token).matches()) {
          return new ErrorRedirect(redirectUri, "invalid_scope", "The scope is malformed", state);
        }
        scopes.add(token);
      }
    }
    for (String token : scopes) {
      if (!client.scopes().contains(token)) {
        return new ErrorRedirect(
            redirectUri, "invalid_scope", "The client may not ask for the scope " + token, state);
      }
    }

    String nonce = params.get("nonce");
    if (nonce != null && (nonce.isEmpty() || nonce.length() > MAX_VALUE_LENGTH)) {
      return invalid.apply("nonce must be 1 to " + MAX_VALUE_LENGTH + " characters");
    }
    String challenge = params.get("code_challenge");
    String method = params.get("code_challenge_method");
    if (challenge != null) {
      if (!Pkce.S256.equals(method)) {
        return invalid.apply("code_challenge_method must be S256 (plain is not accepted)");
      }
      if (!Pkce.wellFormed(challenge)) {
        return invalid.apply("code_challenge must be 43 to 128 characters of A-Z a-z 0-9 - . _ ~");
      }
    } else if (method != null) {
      return invalid.apply("code_challenge_method without code_challenge");
    } else if (!client.confidential()) {
      return invalid.apply("A public client must send a PKCE code_challenge (S256)");
    } else if (nonce == null) {
      return invalid.apply("A confidential client must send a PKCE code_challenge or a nonce");
    }

    String prompt = params.get("prompt");
    if (prompt != null) {
      Set<String> prompts = new LinkedHashSet<>(Arrays.asList(prompt.trim().split(" +")));
      if (prompts.contains("none") && prompts.size() > 1) {
        return invalid.apply("prompt=none cannot be combined with another value");
      }
      if (!Set.of("none", "login", "consent", "select_account").containsAll(prompts)) {
        return invalid.apply("prompt must be none or login");
      }
      // consent and select_account ask for nothing this service does differently.
      prompt = prompts.contains("none") ? "none" : prompts.contains("login") ? "login" : null;
    }
    Long maxAge = null;
    String maxAgeText = params.get("max_age");
    if (maxAgeText != null) {
      try {
        maxAge = Long.parseLong(maxAgeText);
      } catch (NumberFormatException e) {
        maxAge = -1L;
      }
      if (maxAge < 0) {
        return invalid.apply("max_age must be a whole number of seconds");
      }
    }
    String loginHint = params.get("login_hint");
    if (loginHint != null && loginHint.length() > MAX_LOGIN_HINT_LENGTH) {
      loginHint = null; // a hint, not a requirement: dropped rather than refused
    }
    return new Valid(
        new AuthorizationRequest(
            client, redirectUri, scopes, state, nonce, challenge, prompt, maxAge, loginHint));
  }

  /** The parameters with their repetitions. */
  private record Params(Map<String, List<String>> values) {

    /** The value; an empty one counts as absent (RFC 6749 §3.1). */
    String get(String name) {
      List<String> given = values.get(name);
      return given == null || given.isEmpty() || given.get(0).isEmpty() ? null : given.get(0);
    }

    boolean repeated(String name) {
      List<String> given = values.get(name);
      return given != null && given.size() > 1;
    }
  }
}
