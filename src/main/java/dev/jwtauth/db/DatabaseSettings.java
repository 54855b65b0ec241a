package dev.jwtauth.db;

/**
 * Where the store is ({@code auth.db.url}).
 *
 * @param url JDBC URL of the store; an H2 URL means embedded (demo) mode
 */
public record DatabaseSettings(String url) {

  public DatabaseSettings {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("auth.db.url must be set");
    }
  }

  /** Embedded mode: file-backed H2, demo users, no encryption secret required. */
  public boolean embedded() {
    return url.startsWith("jdbc:h2:");
  }
}
