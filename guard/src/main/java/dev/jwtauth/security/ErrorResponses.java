package dev.jwtauth.security;

import dev.jwtauth.guard.Jsons;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** JSON error answers in the OAuth / RFC 6750 shape: {@code {"error", "error_description"}}. */
public final class ErrorResponses {

  private ErrorResponses() {}

  public static Response json(int status, String error, String description) {
    return builder(status, error, description).build();
  }

  public static Response.ResponseBuilder builder(int status, String error, String description) {
    JsonObjectBuilder body = Jsons.object().add("error", error);
    if (description != null) {
      body.add("error_description", description(description));
    }
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .entity(body.build().toString());
  }

  /** A 401/403 with its {@code WWW-Authenticate: Bearer} challenge (RFC 6750 §3). */
  public static Response bearerChallenge(
      int status, String realm, String error, String description) {
    Response.ResponseBuilder response =
        error == null
            ? Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(
                    Jsons.object()
                        .add("error", "unauthorized")
                        .add("error_description", "A bearer access token is required")
                        .build()
                        .toString())
            : builder(status, error, description);
    return response
        .header(HttpHeaders.WWW_AUTHENTICATE, challenge(realm, error, description, null))
        .build();
  }

  /**
   * The {@code WWW-Authenticate: Bearer} value (RFC 6750 §3). Values are quoted strings: a quote
   * inside becomes an apostrophe and backslashes are dropped, so no value can end its string early.
   */
  static String challenge(String realm, String error, String description, String scope) {
    StringBuilder challenge =
        new StringBuilder("Bearer realm=\"").append(quoted(realm)).append('"');
    if (error != null) {
      challenge.append(", error=\"").append(quoted(error)).append('"');
    }
    if (description != null) {
      challenge.append(", error_description=\"").append(description(description)).append('"');
    }
    if (scope != null) {
      challenge.append(", scope=\"").append(quoted(scope)).append('"');
    }
    return challenge.toString();
  }

  /** The RFC 6750 answer for a caller whose credentials were missing (failure null) or refused. */
  public static Response unauthenticated(AuthenticationFailure failure, String realm) {
    if (failure == null) {
      return bearerChallenge(401, realm, null, null);
    }
    return failure.status() == 401
        ? bearerChallenge(401, realm, failure.error(), failure.description())
        : json(failure.status(), failure.error(), failure.description());
  }

  /** 403 for a valid token without the scope a resource needs (RFC 6750 §3.1). */
  public static Response insufficientScope(String realm, String scope) {
    return builder(403, "insufficient_scope", "The access token lacks the scope " + scope)
        .header(HttpHeaders.WWW_AUTHENTICATE, challenge(realm, "insufficient_scope", null, scope))
        .build();
  }

  private static String quoted(String text) {
    return text.replace("\\", "").replace("\"", "'");
  }

  static final int MAX_DESCRIPTION_LENGTH = 200;

  /**
   * An error_description as RFC 6749 §5.2 allows it (printable ASCII without '"' and '\'), whatever
   * request text a message repeats (a scope, a grant type): quotes become apostrophes, backslashes
   * go, any other character becomes '?', and a long text is cut.
   */
  static String description(String text) {
    StringBuilder safe = new StringBuilder(Math.min(text.length(), MAX_DESCRIPTION_LENGTH + 3));
    for (int i = 0; i < text.length() && safe.length() < MAX_DESCRIPTION_LENGTH; i++) {
      char c = text.charAt(i);
      if (c == '"') {
        safe.append('\'');
      } else if (c != '\\') {
        safe.append(c >= 0x20 && c <= 0x7E ? c : '?');
      }
    }
    return safe.length() < MAX_DESCRIPTION_LENGTH || text.length() <= MAX_DESCRIPTION_LENGTH
        ? safe.toString()
        : safe.append("...").toString();
  }
}
