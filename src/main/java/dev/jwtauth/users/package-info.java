/**
 * Users and their roles: the JPA entity, password hashing with Jakarta Security's {@code
 * Pbkdf2PasswordHash}, and the {@code IdentityStore} that login goes through.
 */
package dev.jwtauth.users;
