/** The sample protected resource (`/api/tasks`). */
package dev.jwtauth.api.tasks;
