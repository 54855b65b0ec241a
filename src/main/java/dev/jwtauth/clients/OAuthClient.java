package dev.jwtauth.clients;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A registered OAuth client (RFC 6749 §2). Its secret is kept only as a hash. */
@Entity
@Table(name = "oauth_clients")
public class OAuthClient {

  @Id
  @Column(name = "id", length = 100)
  private String id;

  @Column(name = "confidential", nullable = false)
  private boolean confidential;

  @Column(name = "secret_hash", length = 200)
  private String secretHash;

  @Column(name = "grant_types", nullable = false, length = 1000)
  private String grantTypes;

  @Column(name = "scopes", nullable = false, length = 1000)
  private String scopes;

  @Column(name = "audiences", nullable = false, length = 1000)
  private String audiences;

  /** The {@code groups} of client_credentials tokens; empty means none. */
  @Column(name = "roles", nullable = false, length = 1000)
  private String roles;

  @Column(name = "access_token_ttl_seconds")
  private Long accessTokenTtlSeconds;

  /** The claim set, space-separated; null for the default. */
  @Column(name = "claims", length = 2000)
  private String claims;

  @Column(name = "revocation_feed", nullable = false)
  private boolean revocationFeed;

  @Column(name = "name", length = 100)
  private String name;

  /** Space-separated; null for none. */
  @Column(name = "redirect_uris", length = 4000)
  private String redirectUris;

  @Column(name = "post_logout_redirect_uris", length = 4000)
  private String postLogoutRedirectUris;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected OAuthClient() {}

  OAuthClient(Client client, String secretHash, Instant createdAt) {
    this.id = client.id();
    this.createdAt = createdAt;
    update(client, secretHash);
  }

  void update(Client client, String secretHash) {
    this.confidential = client.confidential();
    this.secretHash = secretHash;
    this.grantTypes = joined(client.grantTypes());
    this.scopes = joined(client.scopes());
    this.audiences = String.join(" ", client.audiences());
    this.roles = joined(client.roles());
    this.accessTokenTtlSeconds =
        client.accessTokenTtl() == null ? null : client.accessTokenTtl().toSeconds();
    this.claims = client.claims().equals(ClaimSet.DEFAULT) ? null : joined(client.claims());
    this.revocationFeed = client.revocationFeed();
    this.name = client.signIn().name();
    this.redirectUris = inOrder(client.signIn().redirectUris());
    this.postLogoutRedirectUris = inOrder(client.signIn().postLogoutRedirectUris());
  }

  String secretHash() {
    return secretHash;
  }

  public String id() {
    return id;
  }

  public Instant createdAt() {
    return createdAt;
  }

  /** The immutable view the rest of the service works with. */
  public Client toClient() {
    return new Client(
        id,
        confidential,
        words(grantTypes),
        words(scopes),
        List.copyOf(words(audiences)),
        words(roles),
        accessTokenTtlSeconds == null ? null : Duration.ofSeconds(accessTokenTtlSeconds),
        claims == null ? null : words(claims),
        revocationFeed,
        new SignIn(
            name,
            redirectUris == null ? List.of() : List.copyOf(words(redirectUris)),
            postLogoutRedirectUris == null
                ? List.of()
                : List.copyOf(words(postLogoutRedirectUris))));
  }

  /** In the order given (the first redirect URI is the one shown first). */
  private static String inOrder(List<String> values) {
    return values.isEmpty() ? null : String.join(" ", values);
  }

  private static String joined(Collection<String> values) {
    return String.join(" ", new TreeSet<>(values));
  }

  private static Set<String> words(String text) {
    Set<String> result = new LinkedHashSet<>();
    Arrays.stream(text.trim().split("\\s+")).filter(w -> !w.isEmpty()).forEach(result::add);
    return result;
  }
}
