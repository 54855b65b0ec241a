/** Administration of users by callers with role {@code admin}. */
package dev.jwtauth.admin;
