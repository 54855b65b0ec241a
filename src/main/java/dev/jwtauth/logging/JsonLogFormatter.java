package dev.jwtauth.logging;

import dev.jwtauth.guard.Jsons;
import jakarta.json.JsonObjectBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One JSON object per line: {@code timestamp}, {@code level}, {@code logger}, {@code message},
 * {@code request_id} when the line was written while serving a request, the fields of a {@link
 * LogEvent} parameter, and {@code exception} with the stack trace when there is one.
 */
public final class JsonLogFormatter extends Formatter {

  @Override
  public String format(LogRecord record) {
    JsonObjectBuilder line =
        Jsons.object()
            .add("timestamp", Instant.ofEpochMilli(record.getMillis()).toString())
            .add("level", record.getLevel().getName())
            .add("logger", String.valueOf(record.getLoggerName()));
    LogEvent event = eventOf(record);
    line.add("message", event != null ? event.event() : formatMessage(record));
    String requestId = RequestContext.currentId();
    if (requestId != null) {
      line.add("request_id", requestId);
    }
    if (event != null) {
      event.fields().forEach(line::add);
    }
    if (record.getThrown() != null) {
      StringWriter trace = new StringWriter();
      record.getThrown().printStackTrace(new PrintWriter(trace));
      line.add("exception", trace.toString());
    }
    return line.build().toString() + System.lineSeparator();
  }

  private static LogEvent eventOf(LogRecord record) {
    Object[] parameters = record.getParameters();
    return parameters != null && parameters.length == 1 && parameters[0] instanceof LogEvent event
        ? event
        : null;
  }
}
