/** Issuing access tokens: which scopes a caller gets, the RFC 9068 / MP-JWT claims, and signing. */
package dev.jwtauth.token;
