package dev.jwtauth.sync;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of the change feed: the version of one kind of shared state. */
@Entity
@Table(name = "shared_state_versions")
public class SharedStateVersion {

  @Id
  @Column(name = "topic", length = 32)
  private String topic;

  @Column(name = "version", nullable = false)
  private long version;

  protected SharedStateVersion() {}

  public String topic() {
    return topic;
  }

  public long version() {
    return version;
  }

  void increment() {
    version++;
  }
}
