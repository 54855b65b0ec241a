package dev.jwtauth.authorize;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PkceTest {

  /** RFC 7636 Appendix B. */
  private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

  private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

  @Test
  void theVerifierOfRfc7636AppendixBMatchesItsChallenge() {
    assertTrue(Pkce.matches(VERIFIER, CHALLENGE));
  }

  @Test
  void anyOtherVerifierDoesNot() {
    assertFalse(Pkce.matches(VERIFIER.replace('d', 'e'), CHALLENGE));
    assertFalse(Pkce.matches(CHALLENGE, CHALLENGE), "plain: the challenge as its own verifier");
    assertFalse(Pkce.matches(null, CHALLENGE));
    assertFalse(Pkce.matches(VERIFIER, null));
  }

  @Test
  void aVerifierHas43To128UnreservedCharacters() {
    assertTrue(Pkce.wellFormed("a".repeat(43)));
    assertTrue(Pkce.wellFormed("a".repeat(128)));
    assertFalse(Pkce.wellFormed("a".repeat(42)));
    assertFalse(Pkce.wellFormed("a".repeat(129)));
    assertFalse(Pkce.wellFormed("a".repeat(42) + "+"));
    assertFalse(Pkce.wellFormed("a".repeat(42) + "="));
    assertFalse(Pkce.matches("short", CHALLENGE));
  }
}
