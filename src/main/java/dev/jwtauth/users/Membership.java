package dev.jwtauth.users;

/**
 * A user's place in the organizations, as a patch sets it.
 *
 * @param organization an organization's id, or null for none (a global user)
 */
public record Membership(String organization) {}
