package dev.jwtauth.oauth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The token endpoint's form parameters: RFC 6749 §3.2 forbids repeating them (RFC 8693 allows
 * several audiences), and none may be longer than 16 KB.
 *
 * @param values each parameter with all its values
 * @param clientAddress where the request comes from, for the login throttle
 */
public record TokenParameters(Map<String, List<String>> values, String clientAddress) {

  private static final int MAX_PARAMETER = 16 * 1024;

  String required(String name) {
    String value = optional(name);
    if (value == null) {
      throw OAuthException.invalidRequest(name + " is required");
    }
    return value;
  }

  String optional(String name) {
    List<String> all = values.getOrDefault(name, List.of());
    if (all.size() > 1) {
      throw OAuthException.invalidRequest(name + " must not be repeated");
    }
    String value = all.isEmpty() ? null : all.get(0);
    if (value != null && value.length() > MAX_PARAMETER) {
      throw OAuthException.invalidRequest(name + " is too long");
    }
    return value == null || value.isEmpty() ? null : value;
  }

  List<String> all(String name) {
    List<String> result = new ArrayList<>();
    for (String value : values.getOrDefault(name, List.of())) {
      if (value != null && !value.isBlank()) {
        result.add(value.trim());
      }
    }
    return result;
  }
}
