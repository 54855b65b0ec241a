package dev.jwtauth.config;

import dev.jwtauth.guard.Durations;
import jakarta.annotation.Priority;
import java.time.Duration;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * Durations as the settings write them ({@code 900}, {@code 15m}, {@code 500ms}, {@code PT15M}),
 * for {@code config.getValue(name, Duration.class)}. Above the implicit converter (priority 100),
 * which would read ISO-8601 only through {@code Duration.parse}.
 */
@Priority(200)
public class DurationConverter implements Converter<Duration> {

  @Override
  public Duration convert(String value) {
    return value == null || value.isBlank() ? null : Durations.parse("a duration setting", value);
  }
}
