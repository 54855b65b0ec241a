/** MicroProfile Health checks: the database answers, a signing key is loaded. */
package dev.jwtauth.health;
