package dev.jwtauth.verify;

import java.util.List;

/** The issuers trusted besides the token service (rule 5.5), as configured; usually none. */
public record TrustedIssuers(List<TrustedIssuer> all) {

  public static final TrustedIssuers NONE = new TrustedIssuers(List.of());

  public TrustedIssuers {
    all = List.copyOf(all);
  }
}
