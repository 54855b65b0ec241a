package dev.jwtauth.sync;

/**
 * Fired by {@link ChangeFeed#announce} inside the changing transaction; {@link SharedStateSync}
 * observes it once that transaction has committed and reloads the topic's state on this node.
 */
public record StateChanged(String topic) {}
