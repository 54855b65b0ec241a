/** The datasource, the Flyway schema migrations and the JPA conversions every feature shares. */
package dev.jwtauth.db;
