package dev.jwtauth.health;

import dev.jwtauth.db.AuthDataSource;
import dev.jwtauth.faults.DatabaseAvailability;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN while the database cannot be reached, and tells the availability gate what it found, so that
 * the requests after a failed probe are answered 503 at once (and those after a good one go through
 * again).
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  @Inject AuthDataSource dataSource;
  @Inject DatabaseAvailability availability;

  @Override
  public HealthCheckResponse call() {
    try (Connection connection = dataSource.get().getConnection()) {
      if (!connection.isValid(2)) {
        availability.observedDown(new SQLException("the connection is not valid"));
        return HealthCheckResponse.named("database").down().build();
      }
      availability.succeeded();
      return HealthCheckResponse.named("database").up().build();
    } catch (SQLException e) {
      availability.observedDown(e);
      return HealthCheckResponse.named("database")
          .down()
          .withData("error", e.getClass().getSimpleName())
          .build();
    }
  }
}
