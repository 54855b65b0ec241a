/** The OAuth 2.0 endpoints' logic: token revocation (RFC 7009) and introspection (RFC 7662). */
package dev.jwtauth.oauth;
