package dev.jwtauth.api.oauth;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the endpoints a browser navigates to (the login page, logout): their errors are HTML pages
 * ({@link BrowserErrorPages}), not the API's JSON.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@interface BrowserPage {}
