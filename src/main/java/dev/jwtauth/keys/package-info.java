/**
 * Signing keys: generated on first start, persisted (so every node and every restart shares them),
 * decoded once into the in-memory {@link dev.jwtauth.keys.KeyRing}, and published as a JWK Set.
 */
package dev.jwtauth.keys;
