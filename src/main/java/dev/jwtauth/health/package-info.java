/**
 * What operators watch: MicroProfile Health checks (the database answers, a signing key is loaded,
 * the shared state has caught up recently) and the state read into the metrics at scrape time.
 */
package dev.jwtauth.health;
