package dev.jwtauth.security;

import dev.jwtauth.guard.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claim;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * {@code @Inject @Claim("name")} for the caller's token, as MicroProfile JWT defines it, for the
 * types resources use: String, Long, Boolean, Set&lt;String&gt;, their Optional forms, and JSON-P
 * values. Payara's own MP-JWT producers only exist with {@code @LoginConfig(authMethod =
 * "MP-JWT")}, which this application does not use (it has its own mechanism). Inject claims into
 * request-scoped beans (JAX-RS resources are); an application-scoped bean would keep the first
 * caller's value.
 */
@ApplicationScoped
public class ClaimProducers {

  @Inject JsonWebToken token;

  @Produces
  @Claim("")
  String string(InjectionPoint point) {
    Object value = token.getClaim(name(point));
    return value == null ? null : value.toString();
  }

  @Produces
  @Claim("")
  Long number(InjectionPoint point) {
    Object value = token.getClaim(name(point));
    if (value instanceof Long number) {
      return number;
    }
    return value instanceof JsonNumber json ? json.longValue() : null;
  }

  @Produces
  @Claim("")
  Boolean bool(InjectionPoint point) {
    Object value = token.getClaim(name(point));
    if (value instanceof Boolean flag) {
      return flag;
    }
    return value == null ? null : JsonValue.TRUE.equals(value);
  }

  @Produces
  @Claim("")
  Set<String> strings(InjectionPoint point) {
    Object value = token.getClaim(name(point));
    if (value instanceof Set<?> set) {
      @SuppressWarnings("unchecked")
      Set<String> strings = (Set<String>) set;
      return strings;
    }
    return value == null ? null : Set.of(value.toString());
  }

  @Produces
  @Claim("")
  Optional<String> optionalString(InjectionPoint point) {
    return Optional.ofNullable(string(point));
  }

  @Produces
  @Claim("")
  Optional<Long> optionalNumber(InjectionPoint point) {
    return Optional.ofNullable(number(point));
  }

  @Produces
  @Claim("")
  Optional<Set<String>> optionalStrings(InjectionPoint point) {
    return Optional.ofNullable(strings(point));
  }

  @Produces
  @Claim("")
  JsonString jsonString(InjectionPoint point) {
    String value = string(point);
    return value == null ? null : Jsons.value(value);
  }

  @Produces
  @Claim("")
  JsonNumber jsonNumber(InjectionPoint point) {
    Long value = number(point);
    return value == null ? null : Jsons.value(value);
  }

  @Produces
  @Claim("")
  JsonArray jsonArray(InjectionPoint point) {
    Object value = token.getClaim(name(point));
    if (value instanceof JsonArray array) {
      return array;
    }
    return value instanceof Set<?> set ? Jsons.array(set).build() : null;
  }

  @Produces
  @Claim("")
  JsonObject jsonObject(InjectionPoint point) {
    Object value = token.getClaim(name(point));
    return value instanceof JsonObject object ? object : null;
  }

  private static String name(InjectionPoint point) {
    Claim claim = point.getAnnotated().getAnnotation(Claim.class);
    if (claim == null) {
      claim =
          point.getQualifiers().stream()
              .filter(Claim.class::isInstance)
              .map(Claim.class::cast)
              .findFirst()
              .orElseThrow();
    }
    if (!claim.value().isEmpty()) {
      return claim.value();
    }
    if (claim.standard() == Claims.UNKNOWN) {
      throw new IllegalArgumentException(
          "@Claim needs a value or a standard claim at " + point.getMember());
    }
    return claim.standard().name();
  }
}
