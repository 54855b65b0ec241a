/**
 * Logging a user in: credentials through the container's IdentityStoreHandler, then a token
 * response.
 */
package dev.jwtauth.login;
