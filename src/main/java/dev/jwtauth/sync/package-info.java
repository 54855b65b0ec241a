/**
 * How nodes keep their in-memory state in step through the shared database: one poller, one change
 * feed (see {@link SharedStateSync}).
 */
package dev.jwtauth.sync;
