/**
 * Revocation lists: denied access-token ids ({@code jti}), revoked sessions ({@code sid}) and
 * per-user not-before instants. Persisted as rows, held in memory for the request path, and kept in
 * step with other nodes by polling the table.
 */
package dev.jwtauth.revocation;
