package dev.jwtauth.it;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Another issuer than the token service, run by the test on the loopback as an identity provider
 * like Keycloak publishes itself: a realm path, an OpenID Connect discovery document, a JWKS, and
 * access tokens whose roles are in {@code realm_access.roles}. Its key is its own, generated per
 * run.
 */
final class ExternalIssuer implements AutoCloseable {

  private final HttpServer server;
  private final RSAKey key;
  private final String issuer;

  ExternalIssuer() throws IOException, JOSEException {
    key =
        new RSAKeyGenerator(2048)
            .keyID("shop-" + UUID.randomUUID())
            .keyUse(KeyUse.SIGNATURE)
            .algorithm(JWSAlgorithm.RS256)
            .generate();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    issuer = base + "/realms/shop";
    server.createContext(
        "/realms/shop/.well-known/openid-configuration",
        exchange ->
            answer(
                exchange,
                "{\"issuer\":\""
                    + issuer
                    + "\",\"jwks_uri\":\""
                    + issuer
                    + "/protocol/openid-connect/certs\"}"));
    server.createContext(
        "/realms/shop/protocol/openid-connect/certs",
        exchange -> answer(exchange, new JWKSet(key.toPublicJWK()).toString(true)));
    server.start();
  }

  String issuer() {
    return issuer;
  }

  /** An access token of this issuer (or claiming another), signed with this issuer's key. */
  String token(String claimedIssuer, String audience, String username, List<String> roles)
      throws JOSEException {
    return token(claimedIssuer, audience, UUID.randomUUID().toString(), username, roles);
  }

  /** The same, for a given {@code sub}. */
  String token(
      String claimedIssuer, String audience, String subject, String username, List<String> roles)
      throws JOSEException {
    long now = System.currentTimeMillis();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            new JWTClaimsSet.Builder()
                .issuer(claimedIssuer)
                .subject(subject)
                .audience(audience)
                .issueTime(new Date(now))
                .expirationTime(new Date(now + 300_000))
                .jwtID(UUID.randomUUID().toString())
                .claim("preferred_username", username)
                .claim("scope", "tasks:read tasks:write")
                .claim("realm_access", Map.of("roles", roles))
                .build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private static void answer(HttpExchange exchange, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
