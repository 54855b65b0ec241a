package dev.jwtauth.tasks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "tasks")
public class Task {

  @Id
  @Column(name = "id", length = 36)
  private String id;

  /** The owner's {@code sub}. */
  @Column(name = "owner", nullable = false, length = 100)
  private String owner;

  /** The owner's organization when the task was made (their token's {@code org_id}), or null. */
  @Column(name = "org_id", length = 63)
  private String organization;

  @Column(name = "title", nullable = false, length = 200)
  private String title;

  @Column(name = "description", length = 2000)
  private String description;

  @Column(name = "done", nullable = false)
  private boolean done;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Task() {}

  Task(String owner, String organization, TaskInput input, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.owner = owner;
    this.organization = organization;
    this.createdAt = now;
    update(input, now);
  }

  void update(TaskInput input, Instant now) {
    this.title = input.title;
    this.description = input.description;
    this.done = Boolean.TRUE.equals(input.done);
    this.updatedAt = now;
  }

  public String id() {
    return id;
  }

  public String owner() {
    return owner;
  }

  public String organization() {
    return organization;
  }

  public String title() {
    return title;
  }

  public String description() {
    return description;
  }

  public boolean done() {
    return done;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
