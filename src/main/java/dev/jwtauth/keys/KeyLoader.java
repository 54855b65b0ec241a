package dev.jwtauth.keys;

import com.nimbusds.jose.jwk.JWK;
import dev.jwtauth.secrets.KeyEncryption;
import dev.jwtauth.secrets.ServerSecrets;
import dev.jwtauth.sync.SharedState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.text.ParseException;
import java.util.List;
import java.util.logging.Logger;

/**
 * Loads the signing keys into the {@link KeyRing}, with the server secret: at start-up, after a
 * change on this node, and on every node when the change feed's {@code keys} topic moves.
 */
@ApplicationScoped
public class KeyLoader implements SharedState {

  /** The change feed's topic of the signing keys. */
  public static final String TOPIC = "keys";

  private static final Logger LOG = Logger.getLogger(KeyLoader.class.getName());

  @Inject SigningKeys rows;
  @Inject KeyRing keyRing;
  @Inject ServerSecrets serverSecrets;

  private final Object loading = new Object();
  private final DecodedKeys decodedKeys = new DecodedKeys(); // used under the loading lock

  @Override
  public String topic() {
    return TOPIC;
  }

  // Transactional themselves, like every method a scheduled task calls: outside a transaction
  // Payara ties the EntityManager to an invocation that a scheduled task does not have.
  @Override
  @Transactional
  public void load() {
    loadIntoMemory();
  }

  @Override
  @Transactional
  public void catchUp() {
    loadIntoMemory();
  }

  /**
   * Decodes every key once and hands them to the {@link KeyRing}. Transactional even though it only
   * reads: outside a transaction Payara ties the EntityManager to the current invocation, which a
   * scheduled task does not have.
   *
   * <p>One load at a time, reading and replacing together: a load that starts after a change has
   * committed then always replaces last. Otherwise the background poll, having read the keys just
   * before an admin's rotation committed, could put them back after the admin's own reload, and
   * this node would sign with the retired key until the next poll.
   */
  @Transactional
  public void loadIntoMemory() {
    synchronized (loading) {
      readIntoMemory();
    }
  }

  private void readIntoMemory() {
    SigningKey active =
        rows.active()
            .orElseThrow(() -> new IllegalStateException("No active signing key in the database"));
    KeyEncryption encryption = serverSecrets.encryption();
    List<SigningKey> all = rows.all();
    List<JWK> jwks =
        decodedKeys.decodeAll(
            all.stream().map(row -> new DecodedKeys.Stored(row.kid(), row.privateJwk())).toList(),
            (kid, stored) -> parse(kid, stored, encryption));
    List<KeyState> states = all.stream().map(SigningKey::state).toList();
    byte[] serverSecret = serverSecrets.read(encryption);
    // Everything read and decoded before anything in memory changes: a failure leaves it whole.
    keyRing.load(jwks, active.kid(), states);
    serverSecrets.install(serverSecret);
    LOG.fine(() -> "Loaded " + jwks.size() + " signing key(s); active kid " + active.kid());
  }

  private static JWK parse(String kid, String stored, KeyEncryption encryption) {
    try {
      JWK key = JWK.parse(encryption.reveal(kid, stored));
      if (!key.isPrivate() || !kid.equals(key.getKeyID())) {
        throw new IllegalStateException(
            "Stored key " + kid + " is not a private key with its own kid");
      }
      return key;
    } catch (ParseException e) {
      throw new IllegalStateException("Stored key " + kid + " cannot be read", e);
    }
  }
}
