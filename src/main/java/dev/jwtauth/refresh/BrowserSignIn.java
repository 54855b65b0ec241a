package dev.jwtauth.refresh;

import java.time.Instant;

/**
 * Where a session of the code flow comes from.
 *
 * @param sessionId the id the session must have (chosen when its code was used)
 * @param browserSessionId the browser session it ends with
 * @param authTime when the user typed their password
 */
public record BrowserSignIn(String sessionId, String browserSessionId, Instant authTime) {}
