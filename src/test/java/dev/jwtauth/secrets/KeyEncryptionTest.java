package dev.jwtauth.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtauth.verify.TestTokens;
import org.junit.jupiter.api.Test;

class KeyEncryptionTest {

  private static final String KID = TestTokens.KEY.getKeyID();
  private static final String PRIVATE_JWK = TestTokens.KEY.toJSONString();

  @Test
  void encryptedKeysAreNotReadableAsJwkOrPem() {
    String stored = new KeyEncryption("a-secret-of-decent-length").protect(KID, PRIVATE_JWK);
    assertTrue(stored.startsWith(KeyEncryption.PREFIX));
    assertFalse(stored.contains("\"d\""));
    assertFalse(stored.contains(TestTokens.KEY.getPrivateExponent().toString()));
    assertFalse(stored.contains("PRIVATE KEY"));
    assertEquals(PRIVATE_JWK, new KeyEncryption("a-secret-of-decent-length").reveal(KID, stored));
  }

  @Test
  void aWrongSecretIsAClearErrorNamingTheSetting() {
    String stored = new KeyEncryption("a-secret-of-decent-length").protect(KID, PRIVATE_JWK);
    KeyEncryption.UnreadableKeyException e =
        assertThrows(
            KeyEncryption.UnreadableKeyException.class,
            () -> new KeyEncryption("another-secret-entirely").reveal(KID, stored));
    assertTrue(e.getMessage().contains("AUTH_KEYS_ENCRYPTION_SECRET"), e.getMessage());
  }

  @Test
  void anEncryptedKeyWithoutASecretIsAClearError() {
    String stored = new KeyEncryption("a-secret-of-decent-length").protect(KID, PRIVATE_JWK);
    assertThrows(
        KeyEncryption.UnreadableKeyException.class,
        () -> new KeyEncryption(null).reveal(KID, stored));
  }

  @Test
  void aCiphertextCannotBeMovedToAnotherKeysRow() {
    String stored = new KeyEncryption("a-secret-of-decent-length").protect(KID, PRIVATE_JWK);
    assertThrows(
        KeyEncryption.UnreadableKeyException.class,
        () -> new KeyEncryption("a-secret-of-decent-length").reveal("another-kid", stored));
  }

  @Test
  void withoutASecretKeysStayPlainForTheEmbeddedMode() {
    assertEquals(PRIVATE_JWK, new KeyEncryption(null).protect(KID, PRIVATE_JWK));
    assertEquals(PRIVATE_JWK, new KeyEncryption(null).reveal(KID, PRIVATE_JWK));
  }

  /**
   * docs/security.md: "Embedded mode files": once a secret is configured, a plaintext private key
   * is never used.
   */
  @Test
  void withASecretAPlaintextKeyIsRefused() {
    KeyEncryption encryption = new KeyEncryption("a-secret-of-decent-length");
    assertThrows(
        KeyEncryption.UnreadableKeyException.class, () -> encryption.reveal(KID, PRIVATE_JWK));
    assertFalse(KeyEncryption.isEncrypted(PRIVATE_JWK));
    assertTrue(KeyEncryption.isEncrypted(encryption.protect(KID, PRIVATE_JWK)));
  }
}
