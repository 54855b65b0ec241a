package dev.jwtauth.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code client_secret_basic} as RFC 6749 §2.3.1 defines it. */
class BasicCredentialsTest {

  @Test
  void idAndSecretAreFormUrlDecoded() {
    assertEquals(
        Optional.of(new BasicCredentials("my client", "s3cr:t+/=")),
        BasicCredentials.parse(basic("my+client:s3cr%3At%2B%2F%3D")));
  }

  @Test
  void theSchemeIsCaseInsensitive() {
    assertTrue(BasicCredentials.isBasic("bAsIc abc"));
    assertEquals(
        Optional.of(new BasicCredentials("id", "secret")),
        BasicCredentials.parse("BASIC " + encode("id:secret")));
    assertFalse(BasicCredentials.isBasic("Bearer abc"));
    assertFalse(BasicCredentials.isBasic(null));
  }

  @Test
  void malformedCredentialsAreNone() {
    assertEquals(Optional.empty(), BasicCredentials.parse("Basic not-base64!"));
    assertEquals(Optional.empty(), BasicCredentials.parse(basic("no-colon")));
    assertEquals(Optional.empty(), BasicCredentials.parse("Bearer " + encode("id:secret")));
  }

  @Test
  void theSecretMayContainColonsAndBeEmpty() {
    assertEquals(
        Optional.of(new BasicCredentials("id", "a:b")), BasicCredentials.parse(basic("id:a:b")));
    assertEquals(Optional.of(new BasicCredentials("id", "")), BasicCredentials.parse(basic("id:")));
  }

  private static String basic(String pair) {
    return "Basic " + encode(pair);
  }

  private static String encode(String pair) {
    return Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }
}
