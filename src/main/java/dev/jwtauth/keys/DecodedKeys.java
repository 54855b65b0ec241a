package dev.jwtauth.keys;

import com.nimbusds.jose.jwk.JWK;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The stored keys as last decoded, kept from one reload to the next. Decoding an encrypted key
 * costs a PBKDF2 derivation (210,000 iterations, about 60 ms of CPU), and every node reloads every
 * key after each key change: only rows not decoded before are decoded now. A row is known by its
 * kid and its exact stored form (a re-encrypted or replaced row is decoded again); rows no longer
 * stored are forgotten. Holds nothing the {@link KeyRing} does not hold already. Not thread-safe:
 * {@link KeyLoader} uses it under its load lock.
 */
final class DecodedKeys {

  /** A row as stored: its kid and its private JWK, encrypted or not. */
  record Stored(String kid, String privateJwk) {}

  private Map<Stored, JWK> decoded = Map.of();

  /**
   * @param rows every stored key
   * @param decoder decodes a row not decoded before (and checks it)
   * @return the rows' keys, in the rows' order
   */
  List<JWK> decodeAll(List<Stored> rows, BiFunction<String, String, JWK> decoder) {
    Map<Stored, JWK> now = new HashMap<>();
    List<JWK> keys = new ArrayList<>(rows.size());
    for (Stored row : rows) {
      JWK key = decoded.get(row);
      if (key == null) {
        key = decoder.apply(row.kid(), row.privateJwk());
      }
      now.put(row, key);
      keys.add(key);
    }
    decoded = now;
    return keys;
  }
}
