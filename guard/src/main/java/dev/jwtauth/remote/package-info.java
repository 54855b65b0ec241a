/**
 * The guard in another service's WAR: the token service's keys fetched from its JWKS ({@link
 * dev.jwtauth.remote.RemoteJwks}) and its revocations followed on its revocation feed ({@link
 * dev.jwtauth.remote.RevocationFeedFollower}), in the background; readiness reports how far behind
 * they are. The request path reads only what they hold in memory.
 */
package dev.jwtauth.remote;
