package dev.jwtauth.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Requires the caller's access token to carry this OAuth scope (in its {@code scope} claim). Put it
 * on a JAX-RS resource method or class; a token without it gets 403 with {@code WWW-Authenticate:
 * Bearer error="insufficient_scope", scope="..."} (RFC 6750 §3.1).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresScope {
  String value();
}
