package dev.jwtauth.revocation;

import dev.jwtauth.verify.RevocationList;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One revocation: a denied jti, a revoked sid, or a user's not-before. Rows are only added and
 * purged.
 */
@Entity
@Table(name = "revocations")
public class RevocationEntry {

  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false, length = 8)
  private RevocationList.Kind kind;

  @Column(name = "subject_key", nullable = false, length = 100)
  private String key;

  /** The trusted issuer whose tokens it revokes; null for the service's own. */
  @Column(name = "issuer", length = 500)
  private String issuer;

  @Column(name = "not_before")
  private Instant notBefore;

  @Column(name = "keep_until", nullable = false)
  private Instant keepUntil;

  @Column(name = "reason", nullable = false, length = 50)
  private String reason;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  /** Its place in the revocation feed, given after its transaction committed; null until then. */
  @Column(name = "feed_seq")
  private Long feedSeq;

  protected RevocationEntry() {}

  RevocationEntry(
      RevocationList.Kind kind,
      String issuer,
      String key,
      Instant notBefore,
      Instant keepUntil,
      String reason,
      Instant createdAt) {
    this.id = UUID.randomUUID().toString();
    this.kind = kind;
    this.issuer = issuer;
    this.key = key;
    this.notBefore = notBefore;
    this.keepUntil = keepUntil;
    this.reason = reason;
    this.createdAt = createdAt;
  }

  /** What the revocation feed says of it. */
  FeedEvent toFeedEvent() {
    return new FeedEvent(kind, issuer, key, notBefore, keepUntil);
  }

  Long feedSeq() {
    return feedSeq;
  }

  void applyTo(RevocationList list) {
    list.add(kind, issuer, key, notBefore, keepUntil);
  }
}
