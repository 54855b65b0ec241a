/**
 * What every endpoint of the HTTP edge shares: the JAX-RS application, the request filters (size,
 * syntax, media types, JSON nesting), strict JSON-B, the exception mappers and the container's
 * error page that turn every failure into a JSON answer (never a stack trace), and token answers.
 * The resources live by audience beside it: {@code auth}, {@code oauth}, {@code me}, {@code admin},
 * {@code tasks}.
 */
package dev.jwtauth.api.http;
