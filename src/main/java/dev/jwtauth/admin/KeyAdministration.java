package dev.jwtauth.admin;

import dev.jwtauth.keys.KeyLifecycle;
import dev.jwtauth.keys.KeyState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Signing keys for admins: rotate, import, list, withdraw, each audited by {@link KeyLifecycle}.
 * This node reloads its keys as soon as the change has committed (the change feed's {@code
 * StateChanged}), so its next token is signed with the new key; the other nodes follow within a
 * second.
 */
@ApplicationScoped
public class KeyAdministration {

  @Inject KeyLifecycle keys;

  public KeyState rotate(String adminId) {
    return keys.rotate(adminId);
  }

  /**
   * Imports a private key given as PEM (PKCS#8) or as a JWK (exactly one of them).
   *
   * @throws dev.jwtauth.keys.InvalidKeyMaterialException for a key that cannot sign our tokens
   * @throws dev.jwtauth.keys.DuplicateKeyException when its kid is taken
   */
  public KeyState importKey(String pem, String jwk, boolean activate, String adminId) {
    return keys.importKey(pem != null ? keys.parsePem(pem) : keys.parseJwk(jwk), activate, adminId);
  }

  public List<KeyState> list() {
    return keys.list();
  }

  /** False if there is no such key. */
  public boolean withdraw(String kid, String adminId) {
    return keys.withdraw(kid, adminId);
  }
}
