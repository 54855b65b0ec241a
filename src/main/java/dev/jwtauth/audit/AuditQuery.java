package dev.jwtauth.audit;

import java.time.Instant;

/**
 * A page of audit rows.
 *
 * @param type an event type, or null for all
 * @param subject a user id, or null for all
 * @param since inclusive
 * @param until exclusive
 * @param page from 0
 * @param size rows per page
 */
public record AuditQuery(
    String type, String subject, Instant since, Instant until, int page, int size) {}
