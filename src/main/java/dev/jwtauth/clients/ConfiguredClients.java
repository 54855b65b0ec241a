package dev.jwtauth.clients;

import dev.jwtauth.config.ClientDefinition;
import dev.jwtauth.config.ClientSettings;
import dev.jwtauth.config.Secrets;
import dev.jwtauth.config.TokenSettings;
import dev.jwtauth.db.DatabaseSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * The clients that exist because configuration says so, written to the registry on every start so
 * that a changed setting (scopes, a rotated secret) takes effect: the first-party public client
 * {@code web}, the service client {@code auth.resource-server.client-id} when it has a secret, and
 * every client of {@code auth.clients}. A client removed from configuration stays registered until
 * an admin deletes it.
 */
@ApplicationScoped
public class ConfiguredClients {

  private static final Logger LOG = Logger.getLogger(ConfiguredClients.class.getName());

  @Inject ClientRegistry registry;
  @Inject TokenSettings settings;
  @Inject ClientSettings clientSettings;
  @Inject DatabaseSettings database;
  @Inject Secrets secrets;

  /** The public client of the demo page ({@code /demo/}, embedded mode). */
  public static final String DEMO_SPA = "demo-spa";

  public void ensure() {
    Set<String> everyScope = new TreeSet<>();
    settings.roleScopes().values().forEach(everyScope::addAll);
    registry.define(
        new Client(
            Client.WEB,
            false,
            Set.of(Client.PASSWORD, Client.REFRESH_TOKEN, Client.TOKEN_EXCHANGE),
            everyScope,
            settings.audiences(),
            Set.of(),
            null),
        null);

    if (database.embedded()) {
      defineDemoPage();
    }

    String serviceId = clientSettings.serviceClientId();
    secrets
        .resourceServerClientSecret(database.embedded())
        .ifPresentOrElse(
            secret -> {
              registry.define(
                  new Client(
                      serviceId,
                      true,
                      Set.of(Client.CLIENT_CREDENTIALS, Client.TOKEN_EXCHANGE),
                      clientSettings.serviceClientScopes(),
                      settings.audiences(),
                      clientSettings.serviceClientRoles(),
                      null),
                  secret);
              LOG.info(() -> "Service client " + serviceId + " defined from configuration");
            },
            () ->
                LOG.info(() -> "No service client: auth.resource-server.client-secret is not set"));

    for (ClientDefinition defined : clientSettings.definedClients()) {
      registry.define(
          new Client(
              defined.id(),
              defined.secret() != null,
              defined.grantTypes(),
              defined.scopes(),
              defined.audiences(),
              defined.roles(),
              defined.accessTokenTtl(),
              defined.claims(),
              defined.revocationFeed(),
              new SignIn(defined.name(), defined.redirectUris(), defined.postLogoutRedirectUris())),
          defined.secret());
      LOG.info(() -> "Client " + defined + " defined from configuration");
    }
  }

  /**
   * The demo page signs in with the code flow as the public client {@code demo-spa}, at the
   * issuer's {@code /demo/}; an issuer no redirect URI may have (plain http elsewhere than on a
   * loopback address) gets no demo client.
   */
  private void defineDemoPage() {
    String page = settings.issuer() + "/demo/";
    Set<String> scopes = new TreeSet<>(List.of("openid", "profile", "email"));
    settings.roleScopes().getOrDefault("user", Set.of()).forEach(scopes::add);
    try {
      registry.define(
          new Client(
              DEMO_SPA,
              false,
              Set.of(Client.AUTHORIZATION_CODE, Client.REFRESH_TOKEN),
              scopes,
              settings.audiences(),
              Set.of(),
              null,
              null,
              false,
              new SignIn("Demo page", List.of(page), List.of(page))),
          null);
    } catch (InvalidClientDefinitionException e) {
      LOG.warning(() -> "No demo page client: " + e.getMessage());
    }
  }
}
