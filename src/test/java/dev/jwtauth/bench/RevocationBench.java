package dev.jwtauth.bench;

import dev.jwtauth.verify.RevocationList;
import dev.jwtauth.verify.RevocationList.Kind;
import dev.jwtauth.verify.TestTokens;
import dev.jwtauth.verify.TokenVerifier;
import dev.jwtauth.verify.VerifiedToken;
import dev.jwtauth.verify.VerifiedTokenCache;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A small harness (not a test, not run by CI): the cost of the in-memory revocation check with 0,
 * 10,000 and 1,000,000 denied jtis, and of a whole verification on top of it. Run with
 * scripts/bench.sh; figures go to docs/benchmarks.md. Timings vary with the machine; compare within
 * one run.
 */
public final class RevocationBench {

  private static final int LOOKUPS = 5_000_000;
  private static final int VERIFICATIONS = 20_000;

  public static void main(String[] args) throws Exception {
    System.out.printf(
        "%-10s %14s %16s %16s %18s %20s%n",
        "denied",
        "heap (MB)",
        "miss (ns/op)",
        "hit (ns/op)",
        "verify (us/op)",
        "cached verify (us/op)");
    for (int denied : new int[] {0, 10_000, 1_000_000}) {
      run(denied);
    }
  }

  private static void run(int denied) throws Exception {
    long heapBefore = usedHeap();
    RevocationList list = new RevocationList(TestTokens.CLOCK);
    Instant keepUntil = TestTokens.NOW.plusSeconds(900);
    String someDenied = null;
    for (int i = 0; i < denied; i++) {
      String jti = UUID.randomUUID().toString();
      list.add(Kind.JTI, jti, null, keepUntil);
      someDenied = jti;
    }
    long heapMb = (usedHeap() - heapBefore) / (1024 * 1024);

    VerifiedToken valid =
        new VerifiedToken(
            "raw",
            Map.of(
                "jti",
                UUID.randomUUID().toString(),
                "sub",
                "user",
                "sid",
                "session",
                "iat",
                TestTokens.NOW.getEpochSecond()));
    VerifiedToken revoked =
        new VerifiedToken(
            "raw",
            Map.of(
                "jti",
                someDenied == null ? "none" : someDenied,
                "sub",
                "user",
                "iat",
                TestTokens.NOW.getEpochSecond()));
    double missNs = nanosPerLookup(list, valid);
    double hitNs = someDenied == null ? Double.NaN : nanosPerLookup(list, revoked);

    String token = TestTokens.valid();
    double verifyUs =
        microsPerVerification(
            new TokenVerifier(TestTokens.settings(), TestTokens.keys(), list, TestTokens.CLOCK),
            token,
            VERIFICATIONS);
    double cachedUs =
        microsPerVerification(
            new TokenVerifier(
                TestTokens.settings(),
                TestTokens.keys(),
                list,
                TestTokens.CLOCK,
                VerifiedTokenCache.ofMaxBytes(32L << 20, TestTokens.CLOCK)),
            token,
            VERIFICATIONS * 50);
    System.out.printf(
        "%-10d %14d %16.1f %16.1f %18.1f %20.2f%n",
        denied, heapMb, missNs, hitNs, verifyUs, cachedUs);
  }

  private static double microsPerVerification(TokenVerifier verifier, String token, int count)
      throws Exception {
    for (int i = 0; i < count / 4; i++) {
      verifier.verify(token); // warm-up
    }
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      verifier.verify(token);
    }
    return (System.nanoTime() - start) / 1000.0 / count;
  }

  private static double nanosPerLookup(RevocationList list, VerifiedToken token) {
    boolean sink = false;
    for (int i = 0; i < LOOKUPS / 5; i++) {
      sink ^= list.isRevoked(token); // warm-up
    }
    long start = System.nanoTime();
    for (int i = 0; i < LOOKUPS; i++) {
      sink ^= list.isRevoked(token);
    }
    long elapsed = System.nanoTime() - start;
    if (sink && LOOKUPS % 2 == 1) {
      System.out.print("");
    }
    return (double) elapsed / LOOKUPS;
  }

  private static long usedHeap() throws InterruptedException {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }

  private RevocationBench() {}
}
