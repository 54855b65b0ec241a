package dev.jwtauth.api.http;

import jakarta.ws.rs.core.Response;
import java.util.Locale;

/** The {@code error} code of an answer made from an HTTP status alone. */
final class ErrorCodes {

  private ErrorCodes() {}

  /** 400 {@code invalid_request}; otherwise the reason phrase: {@code not_found}, … */
  static String forStatus(int status) {
    if (status == 400) {
      return "invalid_request";
    }
    if (status == 500) {
      return "server_error";
    }
    Response.Status known = Response.Status.fromStatusCode(status);
    return known == null
        ? "http_" + status
        : known.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '_');
  }
}
