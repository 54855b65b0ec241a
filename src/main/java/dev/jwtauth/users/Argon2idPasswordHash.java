package dev.jwtauth.users;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.identitystore.PasswordHash;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator.Block;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator.BlockPool;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id (RFC 9106) behind Jakarta Security's {@link PasswordHash} contract, with Bouncy Castle's
 * implementation. Hashes are PHC strings ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), so
 * each carries its own parameters and stays verifiable when the settings change.
 *
 * <p>{@link #initialize} takes {@code Argon2id.MemoryKiB}, {@code Argon2id.Iterations} and {@code
 * Argon2id.Parallelism}; the defaults are OWASP's (19 MiB, 2 passes, 1 lane). {@code
 * Argon2id.KeptMemories} (default 0) is how many hashes' worth of memory is kept for the next
 * hashes instead of being left to the garbage collector.
 */
@ApplicationScoped
public class Argon2idPasswordHash implements PasswordHash {

  static final String PREFIX = "$argon2id$";
  private static final Pattern PHC =
      Pattern.compile(
          "\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,3}),p=(\\d{1,3})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");

  /**
   * A stored hash asking for more memory than this is refused rather than allowed to exhaust the
   * heap.
   */
  private static final int MAX_MEMORY_KIB = 1024 * 1024;

  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getDecoder();

  /** The cost of one hash. */
  public record Cost(int memoryKib, int iterations, int parallelism) {
    public static final Cost OWASP = new Cost(19 * 1024, 2, 1);

    public Cost {
      if (memoryKib < 8 * parallelism || memoryKib > MAX_MEMORY_KIB) {
        throw new IllegalArgumentException("Argon2id memory must be 8 KiB per lane up to 1 GiB");
      }
      if (iterations < 1 || parallelism < 1 || parallelism > 16) {
        throw new IllegalArgumentException("Argon2id needs at least 1 pass and 1 to 16 lanes");
      }
    }
  }

  private volatile Cost cost = Cost.OWASP;

  /**
   * Memory of finished hashes, handed to the next ones. Why: each hash fills its memory cost with
   * 1-KiB blocks that live for the whole hash; fresh blocks on every login meant young collections
   * in the middle of hashes, copying and promoting the live blocks, and old-generation marking to
   * reclaim them — about 4 ms of collector CPU per login on a 512 MiB heap (docs/benchmarks.md).
   * Blocks kept here stay in the old generation and are never copied again.
   */
  private volatile BlockingQueue<Arena> keptMemories = new SynchronousQueue<>();

  @Override
  public void initialize(Map<String, String> parameters) {
    cost =
        new Cost(
            Integer.parseInt(parameters.getOrDefault("Argon2id.MemoryKiB", "19456")),
            Integer.parseInt(parameters.getOrDefault("Argon2id.Iterations", "2")),
            Integer.parseInt(parameters.getOrDefault("Argon2id.Parallelism", "1")));
    int kept = Integer.parseInt(parameters.getOrDefault("Argon2id.KeptMemories", "0"));
    if (kept < 0) {
      throw new IllegalArgumentException("Argon2id.KeptMemories must not be negative");
    }
    // A SynchronousQueue keeps nothing: poll finds no memory, offer drops it.
    keptMemories = kept == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(kept);
  }

  @Override
  public String generate(char[] password) {
    Cost current = cost;
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    byte[] hash = derive(password, salt, current, HASH_BYTES);
    return phcPrefix(current) + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash);
  }

  @Override
  public boolean verify(char[] password, String hashedPassword) {
    Matcher phc = hashedPassword == null ? null : PHC.matcher(hashedPassword);
    if (phc == null || !phc.matches()) {
      return false;
    }
    Cost stored;
    byte[] salt;
    byte[] expected;
    try {
      stored =
          new Cost(
              Integer.parseInt(phc.group(1)),
              Integer.parseInt(phc.group(2)),
              Integer.parseInt(phc.group(3)));
      salt = DECODER.decode(phc.group(4));
      expected = DECODER.decode(phc.group(5));
    } catch (IllegalArgumentException unreadable) {
      return false;
    }
    if (salt.length < 8 || expected.length < 16) {
      return false;
    }
    return MessageDigest.isEqual(expected, derive(password, salt, stored, expected.length));
  }

  /**
   * Whether a stored hash is Argon2id with today's cost (else it is re-hashed at the next login).
   */
  public boolean isCurrent(String hashedPassword) {
    Cost current = cost;
    return hashedPassword != null && hashedPassword.startsWith(phcPrefix(current));
  }

  /** {@code $argon2id$v=19$m=…,t=…,p=…$}: everything before the salt. */
  private static String phcPrefix(Cost cost) {
    return PREFIX
        + "v=19$m="
        + cost.memoryKib()
        + ",t="
        + cost.iterations()
        + ",p="
        + cost.parallelism()
        + "$";
  }

  public static boolean isArgon2id(String hashedPassword) {
    return hashedPassword != null && hashedPassword.startsWith(PREFIX);
  }

  private byte[] derive(char[] password, byte[] salt, Cost cost, int length) {
    BlockingQueue<Arena> kept = keptMemories;
    Arena memory = kept.poll();
    if (memory == null) {
      memory = new Arena(cost.memoryKib() + Arena.WORKING_BLOCKS);
    }
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(cost.memoryKib())
            .withIterations(cost.iterations())
            .withParallelism(cost.parallelism())
            .withSalt(salt)
            .withBlockPool(memory)
            .build());
    byte[] out = new byte[length];
    generator.generateBytes(password, out);
    kept.offer(memory); // dropped when enough are kept
    return out;
  }

  /** How many hashes' memory is kept now (for tests). */
  int keptMemories() {
    return keptMemories.size();
  }

  /**
   * The 1-KiB blocks of one hash at a time (so no locking), wiped when the hash gives them back:
   * blocks derived from a password must not outlive its hash, kept or not.
   */
  static final class Arena implements BlockPool {

    /** Blocks a hash uses besides its memory cost (Bouncy Castle's working blocks). */
    static final int WORKING_BLOCKS = 4;

    private final Block[] blocks;
    private int size;

    Arena(int capacity) {
      blocks = new Block[capacity];
    }

    @Override
    public Block allocate() {
      return size > 0 ? blocks[--size] : new Block();
    }

    @Override
    public void deallocate(Block block) {
      block.clear();
      if (size < blocks.length) {
        blocks[size++] = block;
      }
    }
  }
}
