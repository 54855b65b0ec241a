package dev.jwtauth.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 exchange on a socket of its own, for what {@link java.net.http.HttpClient} will not
 * send: bytes outside ASCII or control characters in a header, a NUL in the path, a tab after the
 * scheme, a body with framing headers chosen by the test.
 */
final class RawHttp {

  /** The status, the {@code Content-Type} (empty when absent) and the body of an answer. */
  record Answer(int status, String contentType, String body) {}

  private RawHttp() {}

  /**
   * Sends the request head (lines without the final blank line; {@code Host} and {@code Connection:
   * close} are added) and the body, then reads the answer to its end.
   */
  static Answer exchange(String host, int port, byte[] head, byte[] body) {
    try (Socket socket = new Socket(host, port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(head);
      out.write(
          ("\r\nHost: " + host + ":" + port + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      try {
        out.write(body);
        out.flush();
      } catch (SocketException answeredEarly) {
        // The server may answer (413) and close before it has read the whole body.
      }
      return parse(readAll(socket.getInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    try {
      for (int read; (read = in.read(chunk)) != -1; ) {
        answer.write(chunk, 0, read);
      }
    } catch (SocketException reset) {
      // a reset after the answer: what was read is the answer
    }
    return answer.toByteArray();
  }

  private static Answer parse(byte[] raw) {
    String text = new String(raw, StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    if (!text.startsWith("HTTP/1.1 ") || end < 0) {
      throw new AssertionError("not an HTTP answer (a reset connection?): " + text);
    }
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].substring(9, 12));
    String contentType = "";
    boolean chunked = false;
    for (String line : lines) {
      String lower = line.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-type:")) {
        contentType = line.substring(13).strip();
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      }
    }
    String body = text.substring(end + 4);
    return new Answer(status, contentType, chunked ? unchunk(body) : body);
  }

  private static String unchunk(String body) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (true) {
      int lineEnd = body.indexOf("\r\n", at);
      if (lineEnd < 0) {
        return out.toString();
      }
      int size = Integer.parseInt(body.substring(at, lineEnd).split(";")[0].strip(), 16);
      if (size == 0) {
        return out.toString();
      }
      out.append(body, lineEnd + 2, Math.min(body.length(), lineEnd + 2 + size));
      at = lineEnd + 2 + size + 2;
    }
  }
}
