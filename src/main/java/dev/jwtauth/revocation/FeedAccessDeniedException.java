package dev.jwtauth.revocation;

import dev.jwtauth.error.ServiceException;

/**
 * An authenticated client not registered to read the revocation feed: 403 {@code
 * unauthorized_client}.
 */
public final class FeedAccessDeniedException extends ServiceException {

  public FeedAccessDeniedException() {
    super(403, "unauthorized_client", "This client is not registered to read the revocation feed");
  }
}
