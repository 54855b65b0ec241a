package dev.jwtauth.audit;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every kind of audit event: the one list that rows are written with, {@code GET
 * /admin/audit?type=} accepts and docs/operations.md prints. A row stores {@link #code()}.
 */
public enum AuditEventType {
  LOGIN_SUCCEEDED,
  LOGIN_FAILED,
  /** Refused by the throttle: one row per locked pair or address and window, with a count. */
  LOGIN_THROTTLED,
  TOKEN_REFRESHED,
  REFRESH_TOKEN_REUSE,
  TOKEN_EXCHANGED,
  /** An access token customizer threw: no token was issued. */
  TOKEN_CUSTOMIZER_FAILED,
  IMPERSONATION,
  IMPERSONATION_DENIED,
  /** A browser sign-in (or single sign-on) gave a client an authorization code. */
  AUTHORIZATION_GRANTED,
  /** An authorization code was exchanged for tokens. */
  CODE_EXCHANGED,
  /** An authorization code was presented again: the session of its first exchange ended. */
  CODE_REPLAYED,
  /** A browser session (single sign-on) and the sessions started through it ended. */
  BROWSER_SESSION_ENDED,
  SESSION_REVOKED,
  SESSIONS_REVOKED,
  /** A login beyond {@code auth.session.max-per-user} ended the user's oldest session. */
  SESSION_ENDED,
  ACCESS_TOKEN_REVOKED,
  /** A trusted issuer's token (by jti) or user (by sub) revoked through the admin API. */
  EXTERNAL_TOKENS_REVOKED,
  PASSWORD_CHANGED,
  PASSWORD_CHANGE_FAILED,
  USER_CREATED,
  /** A patch through the admin API: profile, roles, permissions or enabled. */
  USER_UPDATED,
  USER_DISABLED,
  ORGANIZATION_CREATED,
  ORGANIZATION_DELETED,
  CLIENT_CREATED,
  CLIENT_DELETED,
  KEY_PUBLISHED,
  KEY_ROTATED,
  KEY_IMPORTED,
  KEY_UNPUBLISHED,
  KEY_WITHDRAWN;

  /** As stored and queried: {@code login_failed}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The type of this code, if there is one. */
  public static Optional<AuditEventType> ofCode(String code) {
    return Arrays.stream(values()).filter(type -> type.code().equals(code)).findFirst();
  }
}
