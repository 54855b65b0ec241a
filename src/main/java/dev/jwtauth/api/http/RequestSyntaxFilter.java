package dev.jwtauth.api.http;

import dev.jwtauth.security.ErrorResponses;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The path, {@code Content-Type} and {@code Accept} checked before the JAX-RS implementation reads
 * them. A path with a control character ({@code %00}) is 400, as Payara's HTTP layer answers by
 * itself (WildFly let it through to a 404). Headers left to it, a charset it does not know or a
 * quality value that is not a number is a 500 on one server and an HTML page on the other (Jersey
 * on Payara, RESTEasy on WildFly disagree). Here both answer the same JSON: a header that does not
 * parse is 400 {@code invalid_request}, a body in an unknown charset 415, an answer asked for in an
 * unknown charset 406.
 */
@Provider
@PreMatching
public class RequestSyntaxFilter implements ContainerRequestFilter {

  /** RFC 9110 §12.4.2: a qvalue is 0 to 1 with at most three decimals. */
  private static final Pattern QUALITY = Pattern.compile("0(\\.\\d{0,3})?|1(\\.0{0,3})?");

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getUriInfo().getPath().chars().anyMatch(Character::isISOControl)) {
      request.abortWith(
          ErrorResponses.json(400, "invalid_request", "The request path is malformed"));
      return;
    }
    refusal(
            request.getHeaderString(HttpHeaders.CONTENT_TYPE),
            request.getHeaders().get(HttpHeaders.ACCEPT))
        .ifPresent(request::abortWith);
  }

  /** The answer for these headers, or empty when they are well formed. */
  static Optional<Response> refusal(String contentType, List<String> accept) {
    if (contentType != null && !contentType.isBlank()) {
      Optional<MediaType> type = parse(contentType);
      if (type.isEmpty()) {
        return Optional.of(
            ErrorResponses.json(400, "invalid_request", "The Content-Type header is malformed"));
      }
      if (!supportedCharset(type.get())) {
        return Optional.of(
            ErrorResponses.json(
                415, "unsupported_media_type", "The request body's charset is not supported"));
      }
    }
    for (String header : accept == null ? List.<String>of() : accept) {
      for (String element : header.split(",")) {
        if (element.isBlank()) {
          continue;
        }
        Optional<MediaType> type = parse(element);
        if (type.isEmpty() || !validQuality(type.get())) {
          return Optional.of(
              ErrorResponses.json(400, "invalid_request", "The Accept header is malformed"));
        }
        if (!supportedCharset(type.get())) {
          return Optional.of(
              ErrorResponses.json(
                  406, "not_acceptable", "The charset asked for in Accept is not supported"));
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<MediaType> parse(String text) {
    try {
      MediaType type = MediaType.valueOf(text.strip());
      // "application/" parses on some implementations: a type needs both halves.
      return type.getType().isEmpty() || type.getSubtype().isEmpty()
          ? Optional.empty()
          : Optional.of(type);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static boolean validQuality(MediaType type) {
    String quality = type.getParameters().get("q");
    return quality == null || QUALITY.matcher(quality).matches();
  }

  private static boolean supportedCharset(MediaType type) {
    String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
    if (charset == null) {
      return true;
    }
    try {
      return Charset.isSupported(charset);
    } catch (IllegalCharsetNameException e) {
      return false;
    }
  }
}
