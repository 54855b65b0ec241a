package dev.jwtauth.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A reload decodes (decrypts: one PBKDF2 derivation each) only the rows it has not seen. */
class DecodedKeysTest {

  private final DecodedKeys keys = new DecodedKeys();
  private final List<String> decodedNow = new ArrayList<>();

  private List<JWK> reload(DecodedKeys.Stored... rows) {
    decodedNow.clear();
    return keys.decodeAll(
        List.of(rows),
        (kid, stored) -> {
          decodedNow.add(kid);
          try {
            return JWK.parse(stored);
          } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private static DecodedKeys.Stored row(String kid) throws Exception {
    ECKey key = new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
    return new DecodedKeys.Stored(kid, key.toJSONString());
  }

  @Test
  void aRowDecodedBeforeIsNotDecodedAgain() throws Exception {
    DecodedKeys.Stored a = row("a");
    DecodedKeys.Stored b = row("b");
    reload(a);
    assertEquals(List.of("a"), decodedNow);
    List<JWK> both = reload(a, b);
    assertEquals(List.of("b"), decodedNow, "only the new row");
    assertEquals(
        List.of("a", "b"), both.stream().map(JWK::getKeyID).toList(), "in the rows' order");
  }

  @Test
  void aRowStoredDifferentlyUnderTheSameKidIsDecodedAgain() throws Exception {
    reload(row("a"));
    DecodedKeys.Stored replaced = row("a");
    JWK key = reload(replaced).get(0);
    assertEquals(List.of("a"), decodedNow);
    assertEquals(replaced.privateJwk(), key.toJSONString());
  }

  @Test
  void theSameStoredFormUnderAnotherKidIsDecodedAgain() throws Exception {
    DecodedKeys.Stored a = row("a");
    reload(a);
    reload(new DecodedKeys.Stored("b", a.privateJwk()));
    assertEquals(List.of("b"), decodedNow, "the decoder checks the kid: never skipped");
  }

  @Test
  void aRowNoLongerStoredIsForgotten() throws Exception {
    DecodedKeys.Stored a = row("a");
    DecodedKeys.Stored b = row("b");
    reload(a, b);
    reload(b);
    assertEquals(List.of(), decodedNow);
    reload(a, b);
    assertEquals(List.of("a"), decodedNow, "withdrawn, then stored again: decoded again");
  }
}
