package dev.jwtauth.logging;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The request a thread is serving: its id (taken from {@code X-Request-Id} when well-formed, else
 * generated) and where it comes from. Log lines and audit rows read it; scheduled jobs have none.
 */
public final class RequestContext {

  public static final String HEADER = "X-Request-Id";

  /** Ids other systems commonly send (UUIDs, trace ids); nothing that could break a log line. */
  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:+/=-]{1,128}");

  private static final String ATTRIBUTE = RequestContext.class.getName() + ".id";
  private static final ThreadLocal<RequestContext> CURRENT = new ThreadLocal<>();

  private final String requestId;
  private final Supplier<String> clientAddress;
  private String resolvedAddress;

  private RequestContext(String requestId, Supplier<String> clientAddress) {
    this.requestId = requestId;
    this.clientAddress = clientAddress;
  }

  /**
   * The request's id, assigned on first call: the caller's {@code X-Request-Id} if well-formed,
   * else a new UUID.
   */
  public static String idOf(HttpServletRequest request) {
    if (request.getAttribute(ATTRIBUTE) instanceof String id) {
      return id;
    }
    String id = wellFormedOrNew(request.getHeader(HEADER));
    request.setAttribute(ATTRIBUTE, id);
    return id;
  }

  static String wellFormedOrNew(String presented) {
    return presented != null && WELL_FORMED.matcher(presented).matches() ? presented : newId();
  }

  /**
   * A version-4-shaped UUID from the thread's own generator: an id only has to be unique, not
   * unguessable, and every request makes one (no shared SecureRandom on the request path).
   */
  private static String newId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }

  /**
   * This thread now serves a request.
   *
   * @param clientAddress resolved only if something asks (an audit row)
   */
  static void begin(String requestId, Supplier<String> clientAddress) {
    CURRENT.set(new RequestContext(requestId, clientAddress));
  }

  static void end() {
    CURRENT.remove();
  }

  /** The id of the request this thread serves, or null outside a request. */
  public static String currentId() {
    RequestContext context = CURRENT.get();
    return context == null ? null : context.requestId;
  }

  /** The client address of the request this thread serves, or null outside a request. */
  public static String currentClientAddress() {
    RequestContext context = CURRENT.get();
    if (context == null) {
      return null;
    }
    if (context.resolvedAddress == null) {
      context.resolvedAddress = context.clientAddress.get();
    }
    return context.resolvedAddress;
  }
}
