package dev.jwtauth.api.http;

import dev.jwtauth.guard.Jsons;
import dev.jwtauth.token.TokenGrant;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The one token response (RFC 6749 §5.1) of the login API and the OAuth token endpoint. */
public final class TokenResponses {

  private TokenResponses() {}

  /**
   * @param refreshInBody false in cookie mode: the refresh token then travels in a cookie the
   *     caller adds, and the body only says how long it lives
   */
  public static Response.ResponseBuilder ok(TokenGrant grant, boolean refreshInBody) {
    JsonObjectBuilder body =
        Jsons.object()
            .add("access_token", grant.access().token())
            .add("token_type", "Bearer")
            .add("expires_in", grant.access().expiresInSeconds())
            .add("scope", grant.access().scope());
    if (grant.refreshToken() != null) {
      if (refreshInBody) {
        body.add("refresh_token", grant.refreshToken());
      }
      body.add("refresh_expires_in", grant.refreshExpiresInSeconds());
    }
    if (grant.idToken() != null) {
      body.add("id_token", grant.idToken());
    }
    if (grant.issuedTokenType() != null) {
      body.add("issued_token_type", grant.issuedTokenType());
    }
    return Response.ok(body.build().toString(), MediaType.APPLICATION_JSON_TYPE)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .header("Pragma", "no-cache");
  }
}
