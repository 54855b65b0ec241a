package dev.jwtauth.clients;

import dev.jwtauth.config.TokenSettings;
import dev.jwtauth.crypto.OpaqueValues;
import dev.jwtauth.crypto.ServerSecretKeys;
import dev.jwtauth.sync.ChangeFeed;
import dev.jwtauth.sync.SharedState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The OAuth client registry. Secrets are 256 random bits generated here, kept as their SHA-256, or
 * chosen by an operator in the configuration, kept salted and keyed ({@link ClientSecrets}); either
 * way a client authentication costs no slow password hash (introspection calls it per request).
 */
@ApplicationScoped
public class ClientRegistry implements SharedState {

  static final String TOPIC = "clients";

  /** A client as the request path needs it: what it may do, and its secret's hash. */
  private record Known(Client client, String secretHash) {}

  /**
   * Every client, in memory: client authentication and introspection make no query. Replaced whole
   * on every change, on this node at once and on the others through the change feed.
   */
  private volatile Map<String, Known> known = Map.of();

  /** The origins of every registered redirect URI: the browser clients CORS answers. */
  private volatile Set<String> browserOrigins = Set.of();

  private final Object loading = new Object();

  @Inject ChangeFeed feed;

  private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._~-]{1,100}");

  /** User ids are UUIDs; a client id of that shape could one day be a user's (docs/security.md). */
  private static final Pattern UUID_SHAPE =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  @PersistenceContext(unitName = "auth")
  EntityManager em;

  @Inject Clock clock;
  @Inject TokenSettings tokenSettings;
  @Inject ServerSecretKeys secretKeys;

  /** A client just registered, with its secret: the only moment the secret is ever shown. */
  public record Registered(Client client, String secret) {}

  /** Whether a browser {@code Origin} is the origin of a registered redirect URI. */
  public boolean isBrowserOrigin(String origin) {
    return origin != null && browserOrigins.contains(origin);
  }

  public Optional<Client> find(String id) {
    return Optional.ofNullable(id == null ? null : known.get(id)).map(Known::client);
  }

  /**
   * A confidential client whose secret matches. The hash is compared even for an unknown id, so
   * that timing does not tell which ids exist.
   */
  public Optional<Client> authenticate(String id, String secret) {
    Optional<Known> client =
        Optional.ofNullable(id == null ? null : known.get(id))
            .filter(found -> found.client().confidential());
    boolean matches =
        ClientSecrets.matches(
            clientSecretKey(),
            String.valueOf(id),
            secret,
            client.map(Known::secretHash).orElse(null));
    return matches ? client.map(Known::client) : Optional.empty();
  }

  /**
   * @throws InvalidClientDefinitionException for an id or grant combination that cannot work
   * @throws DuplicateClientException when the id is taken
   */
  @Transactional
  public Registered register(Client client) {
    validate(client);
    refuseUserIds(client.id());
    // Before looking: two admins registering one id take the lock in turn, and the second finds
    // the first's client (409) rather than failing on its key at commit.
    feed.announce(TOPIC);
    if (em.find(OAuthClient.class, client.id()) != null) {
      throw new DuplicateClientException(client.id());
    }
    String secret = client.confidential() ? OpaqueValues.generate() : null;
    em.persist(
        new OAuthClient(
            client, secret == null ? null : ClientSecrets.ofGenerated(secret), clock.instant()));
    return new Registered(client, secret);
  }

  /**
   * Creates or updates a client defined by configuration, with its configured secret (null for a
   * public client).
   */
  @Transactional
  public void define(Client client, String secret) {
    validate(client);
    refuseUserIds(client.id());
    String hash =
        secret == null ? null : ClientSecrets.ofChosen(clientSecretKey(), client.id(), secret);
    feed.announce(TOPIC);
    OAuthClient existing = em.find(OAuthClient.class, client.id());
    if (existing == null) {
      em.persist(new OAuthClient(client, hash, clock.instant()));
    } else {
      existing.update(client, hash);
    }
  }

  private byte[] clientSecretKey() {
    return secretKeys.derive(ServerSecretKeys.CLIENT_SECRETS);
  }

  /** Every registered client, oldest first, for the admin API. */
  public List<ClientView> views() {
    return list().stream().map(ClientView::of).toList();
  }

  List<OAuthClient> list() {
    return em.createQuery(
            "select c from OAuthClient c order by c.createdAt, c.id", OAuthClient.class)
        .getResultList();
  }

  @Override
  public String topic() {
    return TOPIC;
  }

  /**
   * Loads every client into memory (at start-up, after a change here, and when the feed moves). One
   * load at a time, reading and replacing together, so that a load that started before a change
   * committed never replaces the registry after one that started later (see {@link
   * dev.jwtauth.keys.KeyLoader#loadIntoMemory}).
   */
  @Override
  @Transactional
  public void load() {
    synchronized (loading) {
      Map<String, Known> loaded = new HashMap<>();
      Set<String> origins = new HashSet<>();
      for (OAuthClient client : list()) {
        Client loadedClient = client.toClient();
        loaded.put(client.id(), new Known(loadedClient, client.secretHash()));
        loadedClient.signIn().redirectUris().forEach(uri -> origins.add(SignInRules.origin(uri)));
      }
      known = Map.copyOf(loaded);
      browserOrigins = Set.copyOf(origins);
    }
  }

  @Override
  @Transactional
  public void catchUp() {
    load();
  }

  /**
   * The longest lifetime an access token issued now can have: the default or a client's own,
   * whichever is longer (an impersonation token never outlives its client's).
   */
  @Transactional
  public Duration longestAccessTokenTtl(Duration defaultTtl) {
    Long longestSeconds =
        em.createQuery("select max(c.accessTokenTtlSeconds) from OAuthClient c", Long.class)
            .getSingleResult();
    return longestSeconds == null || longestSeconds <= defaultTtl.toSeconds()
        ? defaultTtl
        : Duration.ofSeconds(longestSeconds);
  }

  /**
   * Deletes a client; false if there is none.
   *
   * @throws ProtectedClientException for the first-party client
   */
  @Transactional
  public boolean delete(String id) {
    if (Client.WEB.equals(id)) {
      throw new ProtectedClientException(Client.WEB);
    }
    if (id == null) {
      return false;
    }
    feed.announce(TOPIC); // before looking, as in register: a second delete then finds nothing
    OAuthClient client = em.find(OAuthClient.class, id);
    if (client == null) {
      return false;
    }
    em.remove(client);
    return true;
  }

  /**
   * A client's client_credentials tokens carry its id as {@code sub} and {@code upn}; an id that is
   * (or could become) a user's id, or that is a username, would let them pass for that user's.
   */
  private void refuseUserIds(String id) {
    // An ID token's aud is its client's id: equal to an audience of the access tokens, it would
    // pass the audience check of an access-token verifier that ignores typ (docs/security.md).
    if (tokenSettings.audiences().contains(id)) {
      throw new InvalidClientDefinitionException(
          "client_id " + id + " must not equal an audience of the access tokens (auth.audience)");
    }
    if (UUID_SHAPE.matcher(id).matches()) {
      throw new InvalidClientDefinitionException(
          "client_id " + id + " must not have the shape of a user id (a UUID)");
    }
    Long users =
        em.createQuery("select count(u) from UserAccount u where u.id = :id", Long.class)
            .setParameter("id", id)
            .getSingleResult();
    if (users > 0) {
      throw new InvalidClientDefinitionException("client_id " + id + " must not equal a user id");
    }
    // Its client_credentials tokens carry the id as upn too: stock MP-JWT's caller name.
    Long namesakes =
        em.createQuery("select count(u) from UserAccount u where u.username = :id", Long.class)
            .setParameter("id", id)
            .getSingleResult();
    if (namesakes > 0) {
      throw new InvalidClientDefinitionException("client_id " + id + " must not equal a username");
    }
  }

  private static void validate(Client client) {
    ClaimSet.checked(client.claims());
    SignInRules.check(client);
    if (client.id() == null || !CLIENT_ID.matcher(client.id()).matches()) {
      throw new InvalidClientDefinitionException(
          "client_id must be 1 to 100 of A-Z a-z 0-9 . _ ~ -");
    }
    for (String grant : client.grantTypes()) {
      if (!Client.GRANT_TYPES.contains(grant)) {
        throw new InvalidClientDefinitionException("Unknown grant type " + grant);
      }
    }
    if (!client.confidential() && client.mayUse(Client.CLIENT_CREDENTIALS)) {
      throw new InvalidClientDefinitionException("A public client cannot use client_credentials");
    }
    if (!client.confidential() && client.revocationFeed()) {
      throw new InvalidClientDefinitionException(
          "A public client cannot read the revocation feed (it has no secret)");
    }
    if (client.accessTokenTtl() != null
        && (client.accessTokenTtl().isNegative()
            || client.accessTokenTtl().isZero()
            || client.accessTokenTtl().compareTo(TokenSettings.MAX_ACCESS_TOKEN_TTL) > 0)) {
      throw new InvalidClientDefinitionException(
          "access_token_ttl of client " + client.id() + " must be from 1 second to 1 day");
    }
  }
}
