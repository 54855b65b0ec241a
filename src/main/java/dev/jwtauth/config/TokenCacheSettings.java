package dev.jwtauth.config;

/**
 * The verified-token cache in front of the bearer check.
 *
 * @param maxMib about how much heap its entries may take, in MiB; 0 turns it off
 */
public record TokenCacheSettings(int maxMib) {

  public TokenCacheSettings {
    if (maxMib < 0) {
      throw new IllegalArgumentException("auth.token-cache.max-mib must not be negative");
    }
  }

  public long maxBytes() {
    return maxMib * 1024L * 1024L;
  }
}
