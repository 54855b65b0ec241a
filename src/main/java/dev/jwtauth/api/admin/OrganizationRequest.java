package dev.jwtauth.api.admin;

/** The body of {@code POST /admin/organizations}: checked by the service (a refusal names it). */
public record OrganizationRequest(String id, String name) {}
