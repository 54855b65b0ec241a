package dev.jwtauth.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Requires the caller's access token to carry this permission (in its {@code permissions} claim),
 * decided from the token alone. Put it on a JAX-RS resource method or class, beside {@link
 * RequiresScope}: the scope says what the token may do, the permission what its user may. A token
 * without it gets 403 {@code {"error":"forbidden"}}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresPermission {
  String value();
}
