package dev.jwtauth.it.rp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * The relying party's settings, read by the expressions of {@link SignedInServlet}'s mechanism
 * definition: from the environment of the server it runs in (the test sets them).
 */
@Named("relyingParty")
@ApplicationScoped
public class RelyingPartySettings {

  public String getProvider() {
    return System.getenv("OIDC_RP_PROVIDER");
  }

  public String getClientId() {
    return System.getenv("OIDC_RP_CLIENT_ID");
  }

  /** Milliseconds: an access token with less left than this is refreshed first. */
  public int getTokenMinValidity() {
    return Integer.parseInt(System.getenv().getOrDefault("OIDC_RP_TOKEN_MIN_VALIDITY", "10000"));
  }

  public String getClientSecret() {
    return System.getenv("OIDC_RP_CLIENT_SECRET");
  }
}
