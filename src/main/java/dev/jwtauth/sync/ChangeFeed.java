package dev.jwtauth.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.Map;

/** The versions of the shared state, one row per topic (table shared_state_versions). */
@ApplicationScoped
public class ChangeFeed {

  @PersistenceContext(unitName = "auth")
  EntityManager em;

  @Inject Event<StateChanged> changed;

  /**
   * Announces a change of the topic to every node, within the caller's transaction: the version
   * goes up when the change commits, and not at all if it rolls back. The topic's row stays locked
   * until then, so changes of one topic happen one after the other, across nodes; a change that
   * must see the latest state (one active key) reads it after this call. Once the change has
   * committed, this node reloads the topic's state at once ({@link StateChanged}): no caller
   * reloads by hand.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void announce(String topic) {
    SharedStateVersion row =
        em.find(SharedStateVersion.class, topic, LockModeType.PESSIMISTIC_WRITE);
    if (row == null) {
      throw new IllegalStateException("No change-feed topic " + topic);
    }
    row.increment();
    changed.fire(new StateChanged(topic));
  }

  /** Every topic's version. */
  @Transactional
  public Map<String, Long> versions() {
    Map<String, Long> versions = new HashMap<>();
    for (SharedStateVersion row :
        em.createQuery("select v from SharedStateVersion v", SharedStateVersion.class)
            .getResultList()) {
      versions.put(row.topic(), row.version());
    }
    return versions;
  }
}
