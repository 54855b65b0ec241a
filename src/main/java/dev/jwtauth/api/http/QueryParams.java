package dev.jwtauth.api.http;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Query parameters read strictly: a bad one is 400 invalid_request naming it, never a 404/500. */
public final class QueryParams {

  public static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
  public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  private QueryParams() {}

  public static int number(String name, String text, int min, int max) {
    try {
      int value = Integer.parseInt(text);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new InvalidRequestException(name + " must be a number from " + min + " to " + max);
  }

  /** An ISO-8601 instant ({@code 2026-12-01T10:00:00Z}), or the fallback when absent. */
  public static Instant instant(String name, String text, Instant fallback) {
    if (text == null || text.isEmpty()) {
      return fallback;
    }
    try {
      Instant instant = Instant.parse(text);
      if (!instant.isBefore(EARLIEST) && !instant.isAfter(LATEST)) {
        return instant;
      }
    } catch (DateTimeParseException e) {
      // answered below
    }
    // Instant.parse takes years up to ±999999999, which epoch milliseconds cannot hold.
    throw new InvalidRequestException(
        name
            + " must be an ISO-8601 instant from 0000-01-01T00:00:00Z to 9999-12-31T23:59:59Z,"
            + " such as 2026-12-01T10:00:00Z");
  }

  /** A filter value: absent or empty means no filter. */
  public static String optional(String name, String text, int maxLength) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    if (text.length() > maxLength) {
      throw new InvalidRequestException(name + " must be at most " + maxLength + " characters");
    }
    return text;
  }
}
