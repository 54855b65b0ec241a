/**
 * The authorization code flow's front door ({@code /oauth2/authorize}): what a request must hold
 * before a browser is shown the login page or sent back to its client, and PKCE.
 */
package dev.jwtauth.authorize;
