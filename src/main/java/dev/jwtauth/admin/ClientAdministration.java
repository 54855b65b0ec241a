package dev.jwtauth.admin;

import dev.jwtauth.audit.AuditLog;
import dev.jwtauth.clients.Client;
import dev.jwtauth.clients.ClientRegistry;
import dev.jwtauth.clients.OAuthClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/** The OAuth client registry for admins: register, list, read, delete, each change audited. */
@ApplicationScoped
public class ClientAdministration {

  @Inject ClientRegistry registry;
  @Inject AuditLog audit;

  /** Registers the client; a confidential client's secret is in the answer and nowhere else. */
  public ClientRegistry.Registered register(Client client, String adminId) {
    ClientRegistry.Registered registered = registry.register(client);
    registry.load(); // this node at once; the others through the change feed
    audit.record("client_created", adminId, null, null, "client " + client.id());
    return registered;
  }

  public List<OAuthClient> list() {
    return registry.list();
  }

  public Optional<OAuthClient> get(String id) {
    return registry.list().stream().filter(client -> client.id().equals(id)).findFirst();
  }

  /** Deletes the client; false if there is none. Tokens already issued live out their lifetime. */
  public boolean delete(String id, String adminId) {
    if (!registry.delete(id)) {
      return false;
    }
    registry.load(); // this node at once; the others through the change feed
    audit.record("client_deleted", adminId, null, null, "client " + id);
    return true;
  }
}
