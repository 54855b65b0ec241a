package dev.jwtauth.guard;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads durations written as ISO-8601 ({@code PT15M}), plain seconds ({@code 900}) or with a unit
 * ({@code 15m}, {@code 500ms}).
 */
public final class Durations {

  private Durations() {}

  public static Duration parse(String name, String text) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (value.startsWith("p")) {
        return Duration.parse(value.toUpperCase(Locale.ROOT));
      }
      if (value.isEmpty()) {
        throw new IllegalArgumentException(unreadable(name, text));
      }
      if (value.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
      }
      char unit = value.charAt(value.length() - 1);
      if (Character.isDigit(unit)) {
        return Duration.ofSeconds(Long.parseLong(value));
      }
      long amount = Long.parseLong(value.substring(0, value.length() - 1));
      return switch (unit) {
        case 's' -> Duration.ofSeconds(amount);
        case 'm' -> Duration.ofMinutes(amount);
        case 'h' -> Duration.ofHours(amount);
        case 'd' -> Duration.ofDays(amount);
        default -> throw new IllegalArgumentException(unreadable(name, text));
      };
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new IllegalArgumentException(unreadable(name, text), e);
    }
  }

  private static String unreadable(String name, String text) {
    return name + " is not a duration (use e.g. 900, 15m or PT15M): " + text;
  }
}
