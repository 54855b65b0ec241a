package dev.jwtauth.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A refresh token's successor, sealed under the token's own value. */
class SealedValuesTest {

  private final String old = OpaqueValues.generate();
  private final String successor = OpaqueValues.generate();

  @Test
  void onlyTheValueItWasSealedUnderOpensIt() {
    String sealed = SealedValues.seal(old, "row-1", successor);
    assertEquals(Optional.of(successor), SealedValues.open(old, "row-1", sealed));
    assertEquals(Optional.empty(), SealedValues.open(OpaqueValues.generate(), "row-1", sealed));
  }

  @Test
  void aSealedValueCannotBeMovedToAnotherRow() {
    String sealed = SealedValues.seal(old, "row-1", successor);
    assertEquals(Optional.empty(), SealedValues.open(old, "row-2", sealed));
  }

  @Test
  void aDamagedOrForeignValueOpensToNothing() {
    String sealed = SealedValues.seal(old, "row-1", successor);
    char flipped = sealed.charAt(20) == 'A' ? 'B' : 'A';
    String damaged = sealed.substring(0, 20) + flipped + sealed.substring(21);
    assertEquals(Optional.empty(), SealedValues.open(old, "row-1", damaged));
    assertEquals(Optional.empty(), SealedValues.open(old, "row-1", "not base64url!"));
    assertEquals(Optional.empty(), SealedValues.open(old, "row-1", "AAAA"));
  }

  @Test
  void theStoredFormFitsItsColumnAndRevealsNothing() {
    String sealed = SealedValues.seal(old, "row-1", successor);
    assertTrue(sealed.length() <= 128, sealed);
    assertFalse(sealed.contains(successor));
    assertNotEquals(sealed, SealedValues.seal(old, "row-1", successor), "a fresh nonce each time");
  }
}
