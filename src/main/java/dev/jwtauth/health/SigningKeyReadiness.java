package dev.jwtauth.health;

import dev.jwtauth.keys.KeyRing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

@Readiness
@ApplicationScoped
public class SigningKeyReadiness implements HealthCheck {

  @Inject KeyRing keys;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("signing-key").status(keys.hasActiveKey()).build();
  }
}
