/**
 * Secrets at rest: the encryption of private keys and secrets with {@code
 * auth.keys.encryption-secret} ({@link dev.jwtauth.secrets.KeyEncryption}), the server secret every
 * node shares ({@link dev.jwtauth.secrets.ServerSecrets}), and what is derived from it (the cookie
 * mode's CSRF tokens; {@code crypto.ServerSecretKeys}).
 */
package dev.jwtauth.secrets;
