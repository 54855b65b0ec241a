package dev.jwtauth.audit;

import java.util.List;

/**
 * @param events this page's rows, newest first
 * @param total how many rows match in all
 */
public record AuditPage(List<AuditEventView> events, long total) {}
