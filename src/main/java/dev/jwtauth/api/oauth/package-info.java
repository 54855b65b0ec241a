/** The standard endpoints: `/oauth2/*`, discovery and the JWKS. */
package dev.jwtauth.api.oauth;
