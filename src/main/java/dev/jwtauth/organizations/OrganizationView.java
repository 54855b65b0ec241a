package dev.jwtauth.organizations;

import java.time.Instant;

/**
 * An organization as the edge sees it.
 *
 * @param members how many users belong to it
 */
public record OrganizationView(String id, String name, Instant createdAt, long members) {}
