/** Start-up order: schema, demo users (embedded mode only), signing keys in memory. */
package dev.jwtauth.startup;
