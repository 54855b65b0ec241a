package dev.jwtauth.admin;

import dev.jwtauth.audit.AuditEventType;
import dev.jwtauth.audit.AuditLog;
import dev.jwtauth.config.TokenSettings;
import dev.jwtauth.faults.DatabaseAvailability;
import dev.jwtauth.revocation.RevocationService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * Revoking the tokens of a trusted issuer (another identity provider whose tokens the guards
 * accept): one token by its {@code jti}, or everything issued to a user ({@code sub}) so far. The
 * revocation reaches every guard through the revocation feed, and holds only for tokens whose
 * {@code iss} is that issuer. The service's own tokens are revoked by their own endpoints.
 */
@ApplicationScoped
public class ExternalRevocations {

  private static final Pattern VALUE = Pattern.compile("[\\x21-\\x7e]{1,100}");

  @Inject RevocationService revocations;
  @Inject TokenSettings settings;
  @Inject AuditLog audit;
  @Inject DatabaseAvailability database;

  /** Exactly one of {@code subject} and {@code jti}. */
  public void revoke(String issuer, String subject, String jti, String adminId) {
    checkIssuer(issuer);
    if ((subject == null) == (jti == null)) {
      throw new InvalidRevocationException("give either subject or jti");
    }
    String value = subject != null ? subject : jti;
    if (!VALUE.matcher(value).matches()) {
      throw new InvalidRevocationException(
          (subject != null ? "subject" : "jti") + " must be 1 to 100 printable characters");
    }
    database.check();
    if (subject != null) {
      revocations.revokeExternalUser(issuer, subject, "revoked_by_admin");
    } else {
      revocations.denyExternalAccessToken(issuer, jti, "revoked_by_admin");
    }
    audit.record(
        AuditEventType.EXTERNAL_TOKENS_REVOKED,
        adminId,
        subject,
        null,
        "issuer " + issuer + (jti != null ? " jti " + jti : ""));
  }

  private void checkIssuer(String issuer) {
    if (issuer == null || issuer.isEmpty() || issuer.length() > 500) {
      throw new InvalidRevocationException(
          "issuer must be an http(s) URL of at most 500 characters");
    }
    try {
      URI uri = new URI(issuer);
      if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())
          || uri.getHost() == null) {
        throw new InvalidRevocationException("issuer must be an http(s) URL");
      }
    } catch (URISyntaxException e) {
      throw new InvalidRevocationException("issuer must be an http(s) URL");
    }
    if (issuer.equals(settings.issuer())) {
      throw new InvalidRevocationException(
          "issuer is this service's: revoke its tokens with POST /oauth2/revoke or"
              + " POST /admin/users/{id}/revoke");
    }
  }
}
