package dev.jwtauth.users;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A user who can log in. {@link #id()} is the stable {@code sub} of their tokens; the username may
 * change.
 */
@Entity
@Table(name = "users")
public class UserAccount {

  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Column(name = "username", nullable = false, unique = true, length = 100)
  private String username;

  @Column(name = "password_hash", nullable = false, length = 512)
  private String passwordHash;

  @Column(name = "enabled", nullable = false)
  private boolean enabled;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  /** When the profile last changed (null: never since the user was created). */
  @Column(name = "profile_updated_at")
  private Instant profileUpdatedAt;

  @Column(name = "email", length = 320)
  private String email;

  @Column(name = "email_verified", nullable = false)
  private boolean emailVerified;

  @Column(name = "name", length = 200)
  private String name;

  @Column(name = "given_name", length = 100)
  private String givenName;

  @Column(name = "family_name", length = 100)
  private String familyName;

  @Column(name = "attributes", length = 16384)
  private String attributes;

  /** Directly granted permissions, space-separated (null: none). */
  @Column(name = "permissions", length = 8192)
  private String permissions;

  /** The organization (tenant) the user belongs to, or null. */
  @Column(name = "org_id", length = 63)
  private String organization;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "user_roles", joinColumns = @JoinColumn(name = "user_id"))
  @Column(name = "role", length = 50)
  private Set<String> roles = new LinkedHashSet<>();

  protected UserAccount() {}

  UserAccount(String username, String passwordHash, Set<String> roles, Instant createdAt) {
    this.id = UUID.randomUUID().toString();
    this.username = username;
    this.passwordHash = passwordHash;
    this.roles = new LinkedHashSet<>(roles);
    this.enabled = true;
    this.createdAt = createdAt;
  }

  /** Sets the profile; {@code now} becomes its update time if it differs from the current one. */
  void profile(UserProfile profile, Instant now) {
    if (profile.equals(profile())) {
      return;
    }
    this.profileUpdatedAt = now;
    this.email = profile.email();
    this.emailVerified = profile.emailVerified();
    this.name = profile.name();
    this.givenName = profile.givenName();
    this.familyName = profile.familyName();
    this.attributes = profile.attributesColumn();
  }

  void permissions(Set<String> direct) {
    this.permissions = direct.isEmpty() ? null : String.join(" ", new TreeSet<>(direct));
  }

  void organization(String organization) {
    this.organization = organization;
  }

  void disable() {
    this.enabled = false;
  }

  void enable() {
    this.enabled = true;
  }

  void roles(Set<String> roles) {
    this.roles.clear();
    this.roles.addAll(roles);
  }

  void passwordHash(String hash) {
    this.passwordHash = hash;
  }

  public String id() {
    return id;
  }

  public String username() {
    return username;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public boolean enabled() {
    return enabled;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Set<String> roles() {
    return Set.copyOf(roles);
  }

  /** When the profile last changed: the OpenID Connect {@code updated_at}. */
  public Instant profileUpdatedAt() {
    return profileUpdatedAt != null ? profileUpdatedAt : createdAt;
  }

  public UserProfile profile() {
    return new UserProfile(
        email,
        emailVerified,
        name,
        givenName,
        familyName,
        UserProfile.attributesOfColumn(attributes));
  }

  /** The id of the user's organization, or null (a global user). */
  public String organization() {
    return organization;
  }

  /** The permissions granted to this user directly (roles grant more). */
  public Set<String> permissions() {
    return permissions == null || permissions.isEmpty() ? Set.of() : Set.of(permissions.split(" "));
  }
}
