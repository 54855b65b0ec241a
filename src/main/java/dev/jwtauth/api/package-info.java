/**
 * The HTTP edge: the JAX-RS application, thin resources, the RFC 6750 authorization filter and the
 * exception mappers that turn every failure into a JSON answer (never a stack trace).
 */
package dev.jwtauth.api;
