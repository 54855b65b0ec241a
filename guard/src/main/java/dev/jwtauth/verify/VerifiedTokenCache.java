package dev.jwtauth.verify;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;

/**
 * Tokens verified before, by their exact string: the same access token is presented again and again
 * during its life, and its signature and claims cannot change. What can change is checked on every
 * hit by {@link TokenVerifier}: expiry, revocation (rule 6), and that the key which verified it is
 * still the one published under its kid (a withdrawn key, or any reload of the keys, sends the
 * token through full verification again).
 *
 * <p>Bounded by memory (an entry weighs about four times its token: the string and its parsed
 * claims), and an entry never outlives its token's expiry plus the skew.
 */
public final class VerifiedTokenCache {

  /** What a hit hands back: the verified token and the key object that verified it. */
  record Entry(VerifiedToken token, VerificationKey key, Instant evictAt) {}

  /** Hits, misses and size, for metrics. */
  public record Stats(long hits, long misses, long size) {}

  private static final int ENTRY_OVERHEAD_BYTES = 512;

  private final Cache<String, Entry> cache;
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();

  /** No cache: every token is verified in full. */
  public static VerifiedTokenCache disabled() {
    return new VerifiedTokenCache(null);
  }

  /**
   * @param maxBytes about how much memory the entries may take; 0 disables the cache
   */
  public static VerifiedTokenCache ofMaxBytes(long maxBytes, Clock clock) {
    if (maxBytes <= 0) {
      return disabled();
    }
    Cache<String, Entry> cache =
        Caffeine.newBuilder()
            .maximumWeight(maxBytes)
            .weigher((String token, Entry entry) -> 4 * token.length() + ENTRY_OVERHEAD_BYTES)
            .expireAfter(
                new Expiry<String, Entry>() {
                  @Override
                  public long expireAfterCreate(String token, Entry entry, long currentTime) {
                    long nanos = Duration.between(clock.instant(), entry.evictAt()).toNanos();
                    return Math.max(nanos, 0);
                  }

                  @Override
                  public long expireAfterUpdate(
                      String token, Entry entry, long currentTime, long currentDuration) {
                    return expireAfterCreate(token, entry, currentTime);
                  }

                  @Override
                  public long expireAfterRead(
                      String token, Entry entry, long currentTime, long currentDuration) {
                    return currentDuration;
                  }
                })
            .build();
    return new VerifiedTokenCache(cache);
  }

  private VerifiedTokenCache(Cache<String, Entry> cache) {
    this.cache = cache;
  }

  Entry get(String token) {
    return cache == null ? null : cache.getIfPresent(token);
  }

  void put(String token, VerifiedToken verified, VerificationKey key, Instant evictAt) {
    if (cache != null) {
      cache.put(token, new Entry(verified, key, evictAt));
    }
  }

  /** A token answered from the cache. */
  void countHit() {
    hits.increment();
  }

  /** A token verified in full (not cached, or its entry was stale). */
  void countMiss() {
    if (cache != null) {
      misses.increment();
    }
  }

  void invalidate(String token) {
    if (cache != null) {
      cache.invalidate(token);
    }
  }

  public Stats stats() {
    return new Stats(hits.sum(), misses.sum(), cache == null ? 0 : cache.estimatedSize());
  }
}
