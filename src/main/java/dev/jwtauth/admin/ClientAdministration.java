package dev.jwtauth.admin;

import dev.jwtauth.audit.AuditEventType;
import dev.jwtauth.audit.AuditLog;
import dev.jwtauth.clients.Client;
import dev.jwtauth.clients.ClientRegistry;
import dev.jwtauth.clients.ClientView;
import dev.jwtauth.refresh.RefreshService;
import dev.jwtauth.revocation.RevocationService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** The OAuth client registry for admins: register, list, read, delete, each change audited. */
@ApplicationScoped
public class ClientAdministration {

  @Inject ClientRegistry registry;
  @Inject AuditLog audit;
  @Inject RevocationService revocations;
  @Inject RefreshService sessions;

  /** Registers the client; a confidential client's secret is in the answer and nowhere else. */
  public ClientRegistry.Registered register(Client client, String adminId) {
    ClientRegistry.Registered registered = registry.register(client);
    audit.record(AuditEventType.CLIENT_CREATED, adminId, null, null, "client " + client.id());
    return registered;
  }

  public List<ClientView> list() {
    return registry.views();
  }

  public Optional<ClientView> get(String id) {
    return registry.views().stream().filter(view -> view.client().id().equals(id)).findFirst();
  }

  /**
   * Deletes the client, and with it every token it was issued: its access tokens are refused from
   * now on (a client not-before, on every node), its sessions and refresh tokens end, so that a
   * client registered again with the same id starts with nothing. One transaction: the client is
   * never gone while its tokens still work. False if there is no such client.
   */
  @Transactional
  public boolean delete(String id, String adminId) {
    if (!registry.delete(id)) {
      return false;
    }
    revocations.revokeClient(id, "client_deleted");
    int sessions = this.sessions.endClientSessions(id, "client_deleted");
    audit.record(
        AuditEventType.CLIENT_DELETED,
        adminId,
        null,
        null,
        "client " + id + " (" + sessions + " sessions)");
    return true;
  }
}
