package dev.jwtauth.keys;

import dev.jwtauth.error.ServiceException;

/** An imported key that cannot sign our tokens: 400 {@code invalid_request}. */
public final class InvalidKeyMaterialException extends ServiceException {

  InvalidKeyMaterialException(String description) {
    super(400, "invalid_request", description);
  }
}
