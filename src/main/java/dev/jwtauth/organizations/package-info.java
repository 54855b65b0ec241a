/**
 * Organizations (tenants): a user belongs to at most one, whose id their tokens carry as {@code
 * org_id}; the task API keeps each organization's tasks to itself.
 */
package dev.jwtauth.organizations;
