package dev.jwtauth.revocation;

import dev.jwtauth.error.ServiceException;

/**
 * A feed cursor older than the retention, or not of this feed: 410 {@code cursor_expired}; the
 * reader loads the whole list again (no cursor).
 */
public final class CursorExpiredException extends ServiceException {

  public CursorExpiredException() {
    super(
        410,
        "cursor_expired",
        "The cursor is too old or not of this feed; read the whole list again without one");
  }
}
