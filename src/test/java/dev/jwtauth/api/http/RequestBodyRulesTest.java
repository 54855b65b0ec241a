package dev.jwtauth.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What a JSON request body may hold beyond being JSON: well-formed Unicode, a bounded depth. */
class RequestBodyRulesTest {

  @Test
  void onlyUnpairedSurrogatesMakeATextIllFormed() {
    assertTrue(StrictJsonb.wellFormed("plain ascii"));
    assertTrue(StrictJsonb.wellFormed("p\u00e4ssw\u00f6rd \ud83d\udd11")); // a pair: a key emoji
    assertFalse(StrictJsonb.wellFormed("\ud800"), "a high surrogate alone");
    assertFalse(StrictJsonb.wellFormed("x\udc00"), "a low surrogate alone");
    assertFalse(StrictJsonb.wellFormed("\udc00\ud800"), "a pair in the wrong order");
    assertFalse(StrictJsonb.wellFormed("\ud83d\ud83d\udd11"), "a high surrogate before a pair");
  }

  @Test
  void depthCountsObjectsAndArraysButNotBracketsInStrings() {
    assertEquals(0, depth("\"text\""));
    assertEquals(1, depth("{\"a\":1}"));
    assertEquals(4, depth("{\"jwk\":{\"oth\":[{}]}}"));
    assertEquals(1, depth("{\"a\":\"[[[{{{\"}"));
    assertEquals(
        1, depth("{\"a\":\"quote \\\" then [[[\"}"), "an escaped quote stays in the string");
    assertEquals(1200, depth("[".repeat(1200) + "]".repeat(1200)));
  }

  @Test
  void theLimitLeavesRoomForEveryBodyOfTheApi() {
    // The deepest body the API takes: a multi-prime RSA key's "oth" members in a key import.
    assertTrue(depth("{\"jwk\":{\"oth\":[{\"r\":\"x\"}]}}") <= JsonNestingLimit.MAX_DEPTH);
  }

  private static int depth(String json) {
    return JsonNestingLimit.depth(json.getBytes(StandardCharsets.UTF_8));
  }
}
