package dev.jwtauth.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Argon2id hashes in the PHC string format, verified with the cost they were made with. */
class Argon2idPasswordHashTest {

  private final Argon2idPasswordHash argon2 = cheap(8192, 1);

  @Test
  void aHashIsAPhcStringThatVerifiesItsPasswordOnly() {
    String hash = argon2.generate("correct horse".toCharArray());
    assertTrue(
        hash.matches("\\$argon2id\\$v=19\\$m=8192,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"),
        hash);
    assertTrue(argon2.verify("correct horse".toCharArray(), hash));
    assertFalse(argon2.verify("correct horsE".toCharArray(), hash));
    assertNotEquals(hash, argon2.generate("correct horse".toCharArray()), "a fresh salt each time");
  }

  @Test
  void theOwaspCostIsTheDefault() {
    String hash = new Argon2idPasswordHash().generate("pw".toCharArray());
    assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
  }

  @Test
  void aHashKeepsVerifyingWithItsOwnCostWhenTheSettingsChange() {
    String old = argon2.generate("password".toCharArray());
    Argon2idPasswordHash stronger = cheap(9216, 2);
    assertTrue(stronger.verify("password".toCharArray(), old));
    assertFalse(stronger.isCurrent(old), "re-hashed at the next login");
    assertTrue(stronger.isCurrent(stronger.generate("password".toCharArray())));
  }

  @Test
  void anythingElseIsNotAMatch() {
    for (String stored :
        new String[] {
          null,
          "",
          "PBKDF2WithHmacSHA512:210000:abc:def",
          "$argon2i$v=19$m=8192,t=1,p=1$c29tZXNhbHQxMjM0NTY$aGFzaGhhc2hoYXNoaGFzaA",
          "$argon2id$v=19$m=99999999,t=1,p=1$c29tZXNhbHQxMjM0NTY$aGFzaGhhc2hoYXNoaGFzaA",
          "$argon2id$v=19$m=8192,t=1,p=1$!!!$aGFzaGhhc2hoYXNoaGFzaA"
        }) {
      assertFalse(argon2.verify("password".toCharArray(), stored), String.valueOf(stored));
    }
  }

  @Test
  void costsOutsideSaneBoundsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Argon2idPasswordHash.Cost(4, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new Argon2idPasswordHash.Cost(8192, 0, 1));
    assertEquals(19 * 1024, Argon2idPasswordHash.Cost.OWASP.memoryKib());
  }

  /**
   * Memory handed from one hash to the next must not change a single answer: hashes made with fresh
   * memory verify with kept memory and the other way round, for right and wrong passwords taking
   * turns on two threads at once.
   */
  @Test
  void keptMemoryGivesTheSameAnswersAsFreshMemory() throws Exception {
    Argon2idPasswordHash keeping = cheap(8192, 2, 1);
    Argon2idPasswordHash fresh = cheap(8192, 2, 0);
    String madeFresh = fresh.generate("first password".toCharArray());
    String madeKeeping = keeping.generate("second password".toCharArray());
    Callable<Boolean> turns =
        () -> {
          for (int i = 0; i < 4; i++) {
            assertTrue(keeping.verify("first password".toCharArray(), madeFresh));
            assertFalse(keeping.verify("second password".toCharArray(), madeFresh));
            assertTrue(fresh.verify("second password".toCharArray(), madeKeeping));
            assertTrue(keeping.verify("second password".toCharArray(), madeKeeping));
            assertFalse(keeping.verify("first password".toCharArray(), madeKeeping));
          }
          return true;
        };
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      for (Future<Boolean> done : threads.invokeAll(List.of(turns, turns))) {
        assertTrue(done.get());
      }
    } finally {
      threads.shutdown();
    }
    assertEquals(1, keeping.keptMemories(), "never more than the setting, even after two at once");
    assertEquals(0, fresh.keptMemories());
  }

  private static Argon2idPasswordHash cheap(int memoryKib, int iterations) {
    return cheap(memoryKib, iterations, 0);
  }

  private static Argon2idPasswordHash cheap(int memoryKib, int iterations, int keptMemories) {
    Argon2idPasswordHash hash = new Argon2idPasswordHash();
    hash.initialize(
        Map.of(
            "Argon2id.MemoryKiB", Integer.toString(memoryKib),
            "Argon2id.Iterations", Integer.toString(iterations),
            "Argon2id.Parallelism", "1",
            "Argon2id.KeptMemories", Integer.toString(keptMemories)));
    return hash;
  }
}
