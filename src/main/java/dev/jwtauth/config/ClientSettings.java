package dev.jwtauth.config;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Settings of OAuth clients and of the token endpoint.
 *
 * @param serviceClientId the configured confidential service client, which may introspect tokens
 *     ({@code auth.resource-server.client-id})
 * @param serviceClientScopes the scopes of the configured service client ({@code
 *     auth.resource-server.client-id})
 * @param serviceClientRoles the {@code groups} of its client_credentials tokens (none by default)
 * @param impersonationRoles callers with one of these roles may impersonate (the {@code
 *     impersonate} permission)
 * @param impersonationTtl the longest lifetime of an impersonation token
 * @param definedClients further clients defined in configuration ({@code auth.clients})
 */
public record ClientSettings(
    String serviceClientId,
    Set<String> serviceClientScopes,
    Set<String> serviceClientRoles,
    Set<String> impersonationRoles,
    Duration impersonationTtl,
    List<ClientDefinition> definedClients) {

  public ClientSettings {
    definedClients = List.copyOf(definedClients);
    serviceClientScopes = Set.copyOf(serviceClientScopes);
    serviceClientRoles = Set.copyOf(serviceClientRoles);
    impersonationRoles = Set.copyOf(impersonationRoles);
    if (impersonationTtl.isNegative()
        || impersonationTtl.isZero()
        || impersonationTtl.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new IllegalArgumentException(
          "auth.impersonation.ttl must be positive and at most 5 minutes");
    }
  }
}
