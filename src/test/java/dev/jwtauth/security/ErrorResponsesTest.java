package dev.jwtauth.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
