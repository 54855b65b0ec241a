package dev.jwtauth.revocation;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a reader of the revocation feed stands: the last place it has seen, and when the feed gave
 * it the cursor (a cursor older than the feed's retention is refused, and its reader loads the
 * whole list again). Written {@code <place>.<epoch milliseconds>}; readers treat it as opaque.
 */
public record FeedCursor(long place, Instant issuedAt) {

  private static final Pattern FORM = Pattern.compile("(\\d{1,18})\\.(\\d{1,15})");

  public FeedCursor {
    if (place < 0) {
      throw new IllegalArgumentException("a place in the feed is not negative");
    }
  }

  /** The cursor as written, or empty when the text is not one. */
  public static Optional<FeedCursor> parse(String text) {
    Matcher matcher = text == null ? null : FORM.matcher(text);
    if (matcher == null || !matcher.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new FeedCursor(
            Long.parseLong(matcher.group(1)),
            Instant.ofEpochMilli(Long.parseLong(matcher.group(2)))));
  }

  /**
   * Issued more than {@code retention} before {@code now}, or over a minute after it (not a cursor
   * of this feed's clocks).
   */
  public boolean expired(Instant now, Duration retention) {
    return issuedAt.isBefore(now.minus(retention)) || issuedAt.isAfter(now.plusSeconds(60));
  }

  @Override
  public String toString() {
    return place + "." + issuedAt.toEpochMilli();
  }
}
