package dev.jwtauth.db;

import java.util.Locale;

/**
 * The connection pool's size and timeouts as the application reads them ({@code auth.db.pool.*},
 * {@code auth.db.statement-timeout-seconds}). The server applies the same settings to the pool
 * itself (post-boot-commands.asadmin); it only logs a warning for a value it cannot use, so the
 * application checks them at start-up and fails the deployment with the setting's name.
 */
public record PoolSettings(
    String minSize,
    String maxSize,
    String maxWaitMillis,
    String idleTimeoutSeconds,
    String statementTimeoutSeconds) {

  public static final String MIN_SIZE = "auth.db.pool.min-size";
  public static final String MAX_SIZE = "auth.db.pool.max-size";
  public static final String MAX_WAIT_MILLIS = "auth.db.pool.max-wait-millis";
  public static final String IDLE_TIMEOUT_SECONDS = "auth.db.pool.idle-timeout-seconds";
  public static final String STATEMENT_TIMEOUT_SECONDS = "auth.db.statement-timeout-seconds";

  /**
   * @throws IllegalArgumentException naming the first setting that is not usable
   */
  public void validate() {
    int min = whole(MIN_SIZE, minSize, 0);
    int max = whole(MAX_SIZE, maxSize, 1);
    if (min > max) {
      throw new IllegalArgumentException(
          MIN_SIZE + " (" + min + ") must not exceed " + MAX_SIZE + " (" + max + ")");
    }
    whole(MAX_WAIT_MILLIS, maxWaitMillis, 0);
    whole(IDLE_TIMEOUT_SECONDS, idleTimeoutSeconds, 0);
    whole(STATEMENT_TIMEOUT_SECONDS, statementTimeoutSeconds, -1);
  }

  private static int whole(String name, String text, int least) {
    int value;
    try {
      value = Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          describe(name) + " must be a whole number, not '" + text + "'");
    }
    if (value < least) {
      throw new IllegalArgumentException(
          describe(name) + " must be at least " + least + ", not " + value);
    }
    return value;
  }

  private static String describe(String name) {
    return name
        + " (environment variable "
        + name.toUpperCase(Locale.ROOT).replaceAll("[.-]", "_")
        + ")";
  }
}
