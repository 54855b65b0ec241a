package dev.jwtauth.keys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** The signing key rows, read in the caller's transaction. */
@ApplicationScoped
public class SigningKeys {

  @PersistenceContext(unitName = "auth")
  EntityManager em;

  @Transactional
  public Optional<SigningKey> active() {
    return withStatus(SigningKey.Status.ACTIVE).stream().findFirst();
  }

  @Transactional
  public List<SigningKey> withStatus(SigningKey.Status status) {
    return em.createQuery(
            "select k from SigningKey k where k.status = :status order by k.createdAt, k.kid",
            SigningKey.class)
        .setParameter("status", status)
        .getResultList();
  }

  /** Every key, oldest first. */
  @Transactional
  public List<SigningKey> all() {
    return em.createQuery(
            "select k from SigningKey k order by k.createdAt, k.kid", SigningKey.class)
        .getResultList();
  }

  @Transactional
  public SigningKey find(String kid) {
    return kid == null ? null : em.find(SigningKey.class, kid);
  }
}
