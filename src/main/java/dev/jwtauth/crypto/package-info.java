/** Opaque random values and their at-rest hashes, shared by refresh tokens and client secrets. */
package dev.jwtauth.crypto;
