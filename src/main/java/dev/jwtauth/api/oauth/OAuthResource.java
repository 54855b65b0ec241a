package dev.jwtauth.api.oauth;

import dev.jwtauth.api.http.InvalidRequestException;
import dev.jwtauth.api.http.QueryParams;
import dev.jwtauth.api.http.RequestOrigin;
import dev.jwtauth.api.http.TokenResponses;
import dev.jwtauth.clients.BasicCredentials;
import dev.jwtauth.clients.Client;
import dev.jwtauth.clients.ClientAuthenticator;
import dev.jwtauth.clients.InvalidClientException;
import dev.jwtauth.guard.Jsons;
import dev.jwtauth.oauth.TokenEndpoint;
import dev.jwtauth.oauth.TokenIntrospection;
import dev.jwtauth.oauth.TokenRevocation;
import dev.jwtauth.revocation.FeedAccessDeniedException;
import dev.jwtauth.revocation.FeedCursor;
import dev.jwtauth.revocation.FeedEvent;
import dev.jwtauth.revocation.RevocationFeed;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The OAuth 2.0 endpoints for standard clients (form-encoded): token, revocation and introspection.
 */
@RequestScoped
@Path("oauth2")
@PermitAll
public class OAuthResource {

  private static final int MAX_TOKEN_PARAMETER = 16 * 1024;

  @Inject ClientAuthenticator clients;
  @Inject TokenRevocation revocation;
  @Inject TokenIntrospection introspection;
  @Inject TokenEndpoint tokens;
  @Inject RequestOrigin origin;
  @Inject RevocationFeed feed;

  /**
   * RFC 6749 §3.2 / RFC 8693: every grant the client is registered for; errors per RFC 6749 §5.2.
   */
  @POST
  @Path("token")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.APPLICATION_JSON)
  public Response token(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      MultivaluedMap<String, String> form) {
    Client client = authenticate(authorization, form);
    return TokenResponses.ok(tokens.token(client, form, origin.clientAddress()), true).build();
  }

  /**
   * RFC 7009: 200 for every token, known or not; 401 invalid_client when the client fails to
   * authenticate.
   */
  @POST
  @Path("revoke")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.APPLICATION_JSON)
  public Response revoke(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      MultivaluedMap<String, String> form) {
    Client client = authenticate(authorization, form);
    revocation.revoke(client, requiredToken(form), form.getFirst("token_type_hint"));
    return Response.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").build();
  }

  /**
   * RFC 7662: confidential clients only; {@code active} is true only for a token the bearer
   * mechanism would accept now.
   */
  @POST
  @Path("introspect")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.APPLICATION_JSON)
  public Response introspect(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      MultivaluedMap<String, String> form) {
    Client client = authenticate(authorization, form);
    JsonObjectBuilder answer = Jsons.object();
    introspection
        .introspect(client, requiredToken(form))
        .ifPresentOrElse(
            token ->
                answer
                    .addAll(Jsons.object(token.claims()))
                    .add("active", true)
                    .add("token_type", "Bearer")
                    .add("username", token.username()),
            () -> answer.add("active", false));
    return Response.ok(answer.build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .build();
  }

  /**
   * The revocation feed (docs/api.md): what was revoked after {@code after} (none: everything that
   * still matters), oldest first, waiting up to {@code wait} seconds (at most 30) for something
   * new. Confidential clients registered for it only, by {@code client_secret_basic}.
   */
  @GET
  @Path("revocations")
  @Produces(MediaType.APPLICATION_JSON)
  public Response revocations(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @QueryParam("after") String after,
      @QueryParam("wait") String wait) {
    if (!BasicCredentials.isBasic(authorization)) {
      throw new InvalidClientException();
    }
    Client client =
        clients.authenticate(authorization, null, null).orElseThrow(InvalidClientException::new);
    if (!client.confidential() || !client.revocationFeed()) {
      throw new FeedAccessDeniedException();
    }
    Optional<FeedCursor> cursor = Optional.empty();
    if (after != null) {
      cursor =
          Optional.of(
              FeedCursor.parse(after)
                  .orElseThrow(
                      () -> new InvalidRequestException("after must be a cursor this feed gave")));
    }
    int waitSeconds =
        wait == null
            ? 0
            : QueryParams.number("wait", wait, 0, (int) RevocationFeed.MAX_WAIT.toSeconds());
    RevocationFeed.Answer answer = feed.read(cursor, Duration.ofSeconds(waitSeconds));
    JsonArrayBuilder events = Jsons.array();
    for (FeedEvent event : answer.events()) {
      JsonObjectBuilder json = Jsons.object().add("type", event.type()).add("value", event.value());
      if (event.issuer() != null) {
        json.add("issuer", event.issuer());
      }
      if (event.notBefore() != null) {
        json.add("not_before", event.notBefore().getEpochSecond());
      }
      events.add(json.add("keep_until", secondsRoundedUp(event.keepUntil())));
    }
    return Response.ok(
            Jsons.object()
                .add("cursor", answer.cursor().toString())
                .add("events", events)
                .add("more", answer.more())
                .build()
                .toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .build();
  }

  private static long secondsRoundedUp(Instant instant) {
    return instant.getEpochSecond() + (instant.getNano() > 0 ? 1 : 0);
  }

  private Client authenticate(String authorization, MultivaluedMap<String, String> form) {
    List<String> ids = form.getOrDefault("client_id", List.of());
    List<String> secrets = form.getOrDefault("client_secret", List.of());
    if (ids.size() > 1 || secrets.size() > 1) {
      throw new InvalidRequestException("client_id and client_secret must not be repeated");
    }
    return clients
        .authenticate(authorization, form.getFirst("client_id"), form.getFirst("client_secret"))
        .orElseThrow(InvalidClientException::new);
  }

  private static String requiredToken(MultivaluedMap<String, String> form) {
    String token = form.getFirst("token");
    if (token == null || token.isBlank()) {
      throw new InvalidRequestException("token is required");
    }
    if (token.length() > MAX_TOKEN_PARAMETER) {
      throw new InvalidRequestException("token is too long");
    }
    return token;
  }
}
