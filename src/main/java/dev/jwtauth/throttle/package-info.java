/**
 * Brute-force limits in front of every credential check (docs/security.md "Brute force"): failures
 * per (username, client address) and per address, lockouts that double, and where the client
 * address comes from (docs/security.md "Brute force").
 */
package dev.jwtauth.throttle;
