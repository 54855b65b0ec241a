package dev.jwtauth.startup;

import dev.jwtauth.error.ServiceException;
import java.sql.SQLException;

/**
 * Turns whatever stopped the start-up into the one sentence an operator needs (docs/operations.md
 * "Start and stop"): {@code scripts/run.sh} prints it as its last line, after the marker.
 */
final class StartFailure {

  /** What precedes the sentence in the log; scripts/run.sh looks for it. */
  static final String MARKER = "Token service cannot start: ";

  private StartFailure() {}

  static String describe(Throwable failure) {
    SQLException database = null;
    Throwable configuration = null;
    for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof SQLException sql && database == null) {
        database = sql;
      }
      boolean ours =
          t instanceof IllegalStateException
              || t instanceof IllegalArgumentException
              || t
                  instanceof
                  ServiceException; // e.g. a client in auth.clients that cannot be defined
      if (ours && t.getMessage() != null && configuration == null) {
        configuration = t; // our own checks throw these with the setting's name
      }
    }
    String sentence;
    if (database != null) {
      sentence =
          "the database (auth.db.url, environment variable AUTH_DB_URL) cannot be used: "
              + rootMessage(database);
    } else if (configuration != null) {
      sentence = configuration.getMessage();
    } else {
      sentence = rootMessage(failure);
    }
    return oneLine(sentence);
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
  }
}
