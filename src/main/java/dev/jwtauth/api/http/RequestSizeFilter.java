package dev.jwtauth.api.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;

/**
 * Request bodies over 64 KB are refused with 413 before the application reads them (docs/api.md
 * "Limits", docs/security.md). A declared {@code Content-Length} over the limit is refused unread.
 * A body of unknown length (chunked) is read here, counting bytes, and refused as soon as it passes
 * the limit; a smaller one is handed on from memory (at most 64 KB per request).
 */
@WebFilter(urlPatterns = "/*")
public class RequestSizeFilter extends HttpFilter {

  static final int MAX_BODY_BYTES = 64 * 1024;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    long declared = request.getContentLengthLong();
    if (declared > MAX_BODY_BYTES) {
      refuse(response);
      return;
    }
    if (declared < 0 && request.getHeader("Transfer-Encoding") != null) {
      byte[] body = readAtMost(request.getInputStream(), MAX_BODY_BYTES);
      if (body == null) {
        refuse(response);
        return;
      }
      chain.doFilter(new BufferedBody(request, body), response);
      return;
    }
    chain.doFilter(request, response);
  }

  /** The whole stream if it holds at most {@code limit} bytes; null as soon as it holds more. */
  static byte[] readAtMost(InputStream in, int limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    int read;
    while ((read = in.read(chunk)) != -1) {
      if (out.size() + read > limit) {
        return null;
      }
      out.write(chunk, 0, read);
    }
    return out.toByteArray();
  }

  private static void refuse(HttpServletResponse response) throws IOException {
    response.setStatus(413);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    // The rest of the body is never read: the connection cannot be reused.
    response.setHeader("Connection", "close");
    response
        .getWriter()
        .write(
            "{\"error\":\"invalid_request\",\"error_description\":\"The request body is larger than 64 KB\"}");
  }

  /** The request with its body already read into memory. */
  private static final class BufferedBody extends HttpServletRequestWrapper {

    private final byte[] body;

    BufferedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new IllegalStateException("The body is already in memory");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding() != null ? getCharacterEncoding() : "UTF-8";
      return new BufferedReader(
          new InputStreamReader(new ByteArrayInputStream(body), Charset.forName(encoding)));
    }
  }
}
