package dev.jwtauth.token;

import dev.jwtauth.audit.AuditEventType;
import dev.jwtauth.audit.AuditLog;
import dev.jwtauth.sync.NewTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@link AccessTokenCustomizer} beans deployed with the WAR, run in the order of their class
 * names; a failure of one is logged, audited and answered 500, and no token is issued.
 */
@ApplicationScoped
public class TokenCustomizers implements Consumer<AccessTokenContext> {

  private static final Logger LOG = Logger.getLogger(TokenCustomizers.class.getName());

  @Inject @Any Instance<AccessTokenCustomizer> deployed;
  @Inject AuditLog audit;
  @Inject NewTransaction newTransaction;

  private List<AccessTokenCustomizer> customizers = List.of();

  @PostConstruct
  void collect() {
    List<AccessTokenCustomizer> found = new ArrayList<>();
    deployed.forEach(found::add);
    found.sort(Comparator.comparing(TokenCustomizers::name));
    customizers = List.copyOf(found);
    if (!customizers.isEmpty()) {
      LOG.info(
          () ->
              "Access token customizers: "
                  + customizers.stream().map(TokenCustomizers::name).toList());
    }
  }

  /**
   * @throws TokenCustomizationException when a customizer throws
   */
  @Override
  public void accept(AccessTokenContext token) {
    for (AccessTokenCustomizer customizer : customizers) {
      try {
        customizer.customize(token);
      } catch (RuntimeException e) {
        String detail = "customizer " + name(customizer) + " failed: " + e.getClass().getName();
        LOG.log(
            Level.SEVERE,
            "No access token issued to client " + token.clientId() + ": " + detail,
            e);
        // Its own transaction: the issuance it stopped rolls back, the record of it must not.
        newTransaction.run(
            () ->
                audit.recordForClient(
                    AuditEventType.TOKEN_CUSTOMIZER_FAILED,
                    null,
                    token.subject(),
                    null,
                    token.clientId(),
                    detail));
        throw new TokenCustomizationException();
      }
    }
  }

  /** The bean's class, not its proxy's. */
  private static String name(AccessTokenCustomizer customizer) {
    Class<?> type = customizer.getClass();
    while (type.getName().contains("$") && type.getSuperclass() != Object.class) {
      type = type.getSuperclass();
    }
    return type.getName();
  }
}
