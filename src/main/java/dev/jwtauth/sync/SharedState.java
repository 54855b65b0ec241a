package dev.jwtauth.sync;

/**
 * State a node keeps in memory and shares with the other nodes through the database. Every bean of
 * this type is followed by {@link SharedStateSync}.
 */
public interface SharedState {

  /**
   * The change-feed topic whose version goes up with every change ({@link ChangeFeed#announce}), so
   * that {@link #catchUp} runs only after a change; null to run it on every poll (state that keeps
   * its own incremental position, like the revocation lists).
   */
  String topic();

  /** Loads everything, at start-up. */
  void load();

  /** Brings the memory up to date with the database. */
  void catchUp();
}
