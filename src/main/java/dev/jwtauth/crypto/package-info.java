/**
 * Opaque random values and their at-rest hashes, shared by refresh tokens and client secrets, and
 * values sealed under another opaque value (a refresh token's successor).
 */
package dev.jwtauth.crypto;
