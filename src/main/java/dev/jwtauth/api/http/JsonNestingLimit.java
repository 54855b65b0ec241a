package dev.jwtauth.api.http;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * JSON request bodies are nested at most {@value #MAX_DEPTH} deep. No body of the API needs more
 * than four levels; deeper ones only cost: JSON-B maps a nested object by recursion, so a key
 * import nested 900 deep overflowed the stack (an HTML 500 on Payara), and JSON-P refuses 1000
 * levels with a plain RuntimeException. Bodies are at most 64 KB ({@link RequestSizeFilter}), so
 * the check reads them into memory once.
 */
@Provider
public class JsonNestingLimit implements ReaderInterceptor {

  static final int MAX_DEPTH = 32;

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    MediaType type = context.getMediaType();
    if (type != null && "json".equals(subtypeSuffix(type))) {
      byte[] body = context.getInputStream().readAllBytes();
      if (depth(body) > MAX_DEPTH) {
        throw new InvalidRequestException(
            "The request body is nested deeper than " + MAX_DEPTH + " levels");
      }
      context.setInputStream(new ByteArrayInputStream(body));
    }
    return context.proceed();
  }

  /** "json" for application/json and application/merge-patch+json. */
  private static String subtypeSuffix(MediaType type) {
    String subtype = type.getSubtype();
    int plus = subtype.lastIndexOf('+');
    return plus < 0 ? subtype : subtype.substring(plus + 1);
  }

  /**
   * The deepest nesting of objects and arrays, brackets inside strings not counted. It reads bytes:
   * the characters that matter are ASCII, the same in every charset JSON may use.
   */
  static int depth(byte[] json) {
    int depth = 0;
    int deepest = 0;
    boolean inString = false;
    for (int i = 0; i < json.length; i++) {
      byte b = json[i];
      if (inString) {
        if (b == '\\') {
          i++;
        } else if (b == '"') {
          inString = false;
        }
      } else if (b == '"') {
        inString = true;
      } else if (b == '{' || b == '[') {
        deepest = Math.max(deepest, ++depth);
      } else if (b == '}' || b == ']') {
        depth--;
      }
    }
    return deepest;
  }
}
