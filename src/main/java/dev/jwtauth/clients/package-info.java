/**
 * OAuth clients. For now: the public first-party client {@code web} and one confidential client for
 * resource servers (introspection), from configuration; the client registry comes with its own
 * issue.
 */
package dev.jwtauth.clients;
