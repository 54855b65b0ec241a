package dev.jwtauth.db;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;

/**
 * Instants are stored as epoch milliseconds (BIGINT): EclipseLink 4 has no native {@link Instant}
 * mapping, and a number has no time zone for nodes to disagree about.
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, Long> {

  @Override
  public Long convertToDatabaseColumn(Instant instant) {
    return instant == null ? null : instant.toEpochMilli();
  }

  @Override
  public Instant convertToEntityAttribute(Long millis) {
    return millis == null ? null : Instant.ofEpochMilli(millis);
  }
}
