/** Audit events: a row per security event, and the same as a structured log record. */
package dev.jwtauth.audit;
