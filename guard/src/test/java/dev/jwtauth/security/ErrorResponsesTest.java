package dev.jwtauth.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The {@code WWW-Authenticate: Bearer} challenge of RFC 6750 §3. */
class ErrorResponsesTest {

  @Test
  void aChallengeNamesTheRealmAndWhatWentWrong() {
    assertEquals("Bearer realm=\"auth\"", ErrorResponses.challenge("auth", null, null, null));
    assertEquals(
        "Bearer realm=\"auth\", error=\"invalid_token\", error_description=\"The access token expired\"",
        ErrorResponses.challenge("auth", "invalid_token", "The access token expired", null));
    assertEquals(
        "Bearer realm=\"auth\", error=\"insufficient_scope\", scope=\"tasks:write\"",
        ErrorResponses.challenge("auth", "insufficient_scope", null, "tasks:write"));
  }

  /** A value can never close its quoted string early and smuggle parameters in. */
  @Test
  void quotesAndBackslashesCannotBreakOutOfAValue() {
    assertEquals(
        "Bearer realm=\"my 'realm'\", error=\"invalid_token\", error_description=\"bad', x='y\"",
        ErrorResponses.challenge("my \"realm\"", "invalid_token", "bad\\\", x=\"y", null));
  }

  /**
   * Every error_description, in a body or a challenge, is RFC 6749 §5.2 text however much request
   * text a message repeats: {@code scope=%00} or a 60 KB grant_type must not come back as it is.
   */
  @Test
  void aDescriptionIsPrintableAsciiAndShort() {
    assertEquals(
        "The scope ?a'b?? is not available",
        ErrorResponses.description("The scope \u0000a\"b\\\r\u00e9 is not available"));
    String repeated = "The grant type " + "x".repeat(60_000) + " is not supported";
    String cut = ErrorResponses.description(repeated);
    assertEquals(ErrorResponses.MAX_DESCRIPTION_LENGTH + 3, cut.length());
    assertTrue(cut.endsWith("xxx..."), cut);
    assertEquals(
        "The access token expired", ErrorResponses.description("The access token expired"));
  }
}
