/** Configuration: the one reader of MicroProfile Config and the immutable settings it hands out. */
package dev.jwtauth.config;
