/**
 * The one error model: {@link dev.jwtauth.error.ServiceException} and its HTTP status and error
 * code.
 */
package dev.jwtauth.error;
