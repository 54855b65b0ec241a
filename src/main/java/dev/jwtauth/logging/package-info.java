/**
 * Log lines: the request id every request carries ({@code X-Request-Id}), the structured event a
 * line may hold, and JSON lines when {@code auth.log.format=json}.
 */
package dev.jwtauth.logging;
