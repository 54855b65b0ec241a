/**
 * The sample protected resource of the seed documents: tasks owned by users, guarded by scopes and
 * ownership.
 */
package dev.jwtauth.tasks;
