/**
 * MicroProfile Health checks: the database answers, a signing key is loaded, the shared state has
 * caught up recently.
 */
package dev.jwtauth.health;
