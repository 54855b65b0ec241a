package dev.jwtauth.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtauth.verify.Reason;
import org.junit.jupiter.api.Test;

class AuthMetricsTest {

  private final AuthMetrics metrics = new AuthMetrics();

  @Test
  void countersAppearInThePrometheusTextFormat() {
    metrics.login(AuthMetrics.LoginOutcome.FAILED);
    metrics.login(AuthMetrics.LoginOutcome.FAILED);
    metrics.refresh(AuthMetrics.RefreshOutcome.REUSE_DETECTED);
    metrics.verification(null, 2_000);
    metrics.verification(Reason.BAD_SIGNATURE, 40_000);
    metrics.tokenIssued("client_credentials", "batch-job");
    metrics.revocation("jti");

    String text = metrics.registry().scrape();

    assertEquals(2.0, value(text, "auth_logins_total{outcome=\"failed\"}"));
    assertEquals(0.0, value(text, "auth_logins_total{outcome=\"succeeded\"}"));
    assertEquals(1.0, value(text, "auth_refreshes_total{outcome=\"reuse_detected\"}"));
    assertEquals(
        1.0, value(text, "auth_verifications_total{outcome=\"accepted\",reason=\"none\"}"));
    assertEquals(
        1.0, value(text, "auth_verifications_total{outcome=\"refused\",reason=\"bad_signature\"}"));
    assertEquals(
        1.0,
        value(
            text,
            "auth_tokens_issued_total{client_id=\"batch-job\",grant_type=\"client_credentials\"}"));
    assertEquals(1.0, value(text, "auth_revocations_total{kind=\"jti\"}"));
    assertEquals(2.0, value(text, "auth_verification_seconds_count"));
    // The latency histogram's buckets: the 2 µs check lies under 10 µs, the 40 µs one does not.
    assertEquals(1.0, value(text, "auth_verification_seconds_bucket{le=\"1.0E-5\"}"));
    assertEquals(2.0, value(text, "auth_verification_seconds_bucket{le=\"5.0E-5\"}"));
  }

  @Test
  void everyReasonHasItsCounterFromTheStart() {
    String text = metrics.registry().scrape();
    for (Reason reason : Reason.values()) {
      String label = "reason=\"" + reason.name().toLowerCase(java.util.Locale.ROOT) + "\"";
      assertTrue(text.contains(label), label);
    }
    assertFalse(text.contains("username"));
  }

  /** The sample's value on the line that starts with the series. */
  static double value(String text, String series) {
    return text.lines()
        .filter(line -> line.startsWith(series + " "))
        .map(line -> Double.parseDouble(line.substring(series.length() + 1).trim()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no series " + series + " in\n" + text));
  }
}
