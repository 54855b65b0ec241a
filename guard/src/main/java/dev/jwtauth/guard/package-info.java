/**
 * What the guard (the bearer mechanism in {@code security}, the verifier in {@code verify}) needs
 * of its own, so that it stands alone and can be lifted into another WAR: its settings, read from
 * MicroProfile Config by its own producer; JSON from one provider; durations as the configuration
 * writes them. Depends on nothing else of the service.
 */
package dev.jwtauth.guard;
