package dev.jwtauth.refresh;

import dev.jwtauth.metrics.AuthMetrics.RefreshOutcome;
import java.util.Locale;

/** Why a refresh was refused: logged by its code, counted by its outcome. */
public enum RefreshRefusal {
  /** A rotated token presented again (the session was revoked), or an altered one. */
  REUSED(RefreshOutcome.REUSE_DETECTED),
  REVOKED(RefreshOutcome.INVALID),
  IDLE_EXPIRED(RefreshOutcome.EXPIRED),
  SESSION_EXPIRED(RefreshOutcome.EXPIRED),
  USER_DISABLED(RefreshOutcome.INVALID),
  WRONG_CLIENT(RefreshOutcome.INVALID),
  /** No such token (or a tag that does not verify). */
  UNKNOWN(RefreshOutcome.INVALID),
  /** A concurrent refresh of the same token committed first. */
  CONCURRENT_REFRESH(RefreshOutcome.INVALID);

  private final RefreshOutcome outcome;

  RefreshRefusal(RefreshOutcome outcome) {
    this.outcome = outcome;
  }

  /** The refusal a decision that does not succeed stands for. */
  static RefreshRefusal of(RefreshDecision decision) {
    return switch (decision) {
      case REUSE_DETECTED -> REUSED;
      case REVOKED -> REVOKED;
      case IDLE_EXPIRED -> IDLE_EXPIRED;
      case SESSION_EXPIRED -> SESSION_EXPIRED;
      case USER_DISABLED -> USER_DISABLED;
      case WRONG_CLIENT -> WRONG_CLIENT;
      case ROTATE, RETRY, ROTATE_WITHIN_GRACE ->
          throw new IllegalArgumentException(decision + " is no refusal");
    };
  }

  /** As it appears in the log. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public RefreshOutcome outcome() {
    return outcome;
  }
}
