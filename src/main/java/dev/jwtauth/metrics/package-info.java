/**
 * The service's Prometheus metrics: the counters the services move, and who may read them. The
 * gauges read from the services' state live in {@code health}, which may depend on every feature.
 */
package dev.jwtauth.metrics;
