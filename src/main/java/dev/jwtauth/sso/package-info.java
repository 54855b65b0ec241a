/**
 * The browser's side of the OpenID Connect code flow: browser sessions (single sign-on) and
 * authorization codes, both in the database so that every node shares them.
 */
package dev.jwtauth.sso;
