/**
 * How nodes keep their in-memory state in step through the shared database: one change feed, one
 * poller (see {@link SharedStateSync}), and on PostgreSQL a listener the database pushes every
 * committed change to ({@link ChangeListener}).
 */
package dev.jwtauth.sync;
