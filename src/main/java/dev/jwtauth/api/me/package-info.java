/** Caller self-service (`/api/me`): who am I, my sessions, my password. */
package dev.jwtauth.api.me;
