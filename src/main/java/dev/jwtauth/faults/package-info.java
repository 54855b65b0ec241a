/**
 * How the service answers when its database fails: which failures are conflicts the database
 * decided and which mean "out of reach, try again" (503 {@code temporarily_unavailable}, never a
 * false {@code invalid_grant} or 409), and the gate that answers at once while an outage lasts.
 */
package dev.jwtauth.faults;
