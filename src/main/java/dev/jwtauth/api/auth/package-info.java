/** The first-party JSON login API (`/auth/*`): login, refresh, logout, cookie mode. */
package dev.jwtauth.api.auth;
