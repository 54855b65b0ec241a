package dev.jwtauth.revocation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * The revocation feed's rows: places given in commit order, and pages read by place. Each method is
 * one short transaction; none is held while a reader waits.
 */
@ApplicationScoped
public class RevocationFeedStore {

  /** The most revocations one page, or one round of placing, takes. */
  static final int PAGE = 1000;

  /** One page: the current events among the places read, and the last place read. */
  record Page(List<FeedEvent> events, long lastPlace, boolean more) {}

  @PersistenceContext(unitName = "auth")
  EntityManager em;

  /**
   * Gives the revocations that have none a place, oldest first. The counter row stays locked until
   * this transaction commits, so a later round waits for this one, and every place is committed
   * before any higher one: a reader who has seen place n has seen every place below it. Most calls
   * find nothing to place and take no lock.
   */
  @Transactional
  public int placePending() {
    long pending =
        em.createQuery("select count(r) from RevocationEntry r where r.feedSeq is null", Long.class)
            .getSingleResult();
    if (pending == 0) {
      return 0;
    }
    long last =
        ((Number)
                em.createNativeQuery("SELECT last_seq FROM revocation_feed WHERE id = 1 FOR UPDATE")
                    .getSingleResult())
            .longValue();
    // Read after the lock: what a round committed meanwhile has its places already.
    List<String> ids =
        em.createQuery(
                "select r.id from RevocationEntry r where r.feedSeq is null"
                    + " order by r.createdAt, r.id",
                String.class)
            .setMaxResults(PAGE)
            .getResultList();
    for (String id : ids) {
      last++;
      em.createNativeQuery("UPDATE revocations SET feed_seq = ?1 WHERE id = ?2")
          .setParameter(1, last)
          .setParameter(2, id)
          .executeUpdate();
    }
    em.createNativeQuery("UPDATE revocation_feed SET last_seq = ?1 WHERE id = 1")
        .setParameter(1, last)
        .executeUpdate();
    return ids.size();
  }

  /**
   * The revocations placed after {@code after}, in their order, at most {@link #PAGE}; those that
   * no longer matter at {@code now} are passed over (the page's last place still counts them).
   */
  @Transactional
  public Page after(long after, Instant now) {
    List<RevocationEntry> rows =
        em.createQuery(
                "select r from RevocationEntry r where r.feedSeq > :after order by r.feedSeq",
                RevocationEntry.class)
            .setParameter("after", after)
            .setMaxResults(PAGE)
            .getResultList();
    long lastPlace = rows.isEmpty() ? after : rows.get(rows.size() - 1).feedSeq();
    List<FeedEvent> events =
        rows.stream()
            .map(RevocationEntry::toFeedEvent)
            .filter(event -> event.keepUntil().isAfter(now))
            .toList();
    return new Page(events, lastPlace, rows.size() == PAGE);
  }

  /** The highest place given so far (committed). */
  @Transactional
  public long lastPlace() {
    return ((Number)
            em.createNativeQuery("SELECT last_seq FROM revocation_feed WHERE id = 1")
                .getSingleResult())
        .longValue();
  }
}
