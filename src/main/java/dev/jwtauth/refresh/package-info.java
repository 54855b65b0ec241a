/**
 * Refresh tokens and sessions: a session per login, opaque refresh tokens stored as SHA-256 hashes,
 * rotated on every use in one transaction, with reuse detection and a database-enforced single
 * winner when requests race.
 */
package dev.jwtauth.refresh;
